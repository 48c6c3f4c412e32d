package dev.ufp.ingestion.deadletter;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a processor's dead-letter queue does with a failure: always keep the letter (a letter is never dropped
 * because a retry failed — only an admin evicts), count the attempts in its diagnostics, and log one WARN line
 * when a new sequence is parked (later events of a parked sequence join it without a policy decision).
 */
final class DeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    static final String ATTEMPTS = "attempts";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterPolicy.class);

    private final String processor;

    DeadLetterPolicy(String processor) {
        this.processor = processor;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        long attempts = attempts(letter.diagnostics()) + 1;
        if (attempts == 1) {
            log.warn("Dead-lettered {} {} in {}: sequence {} waits behind it until retried or evicted ({})",
                    letter.message().getPayloadType().getSimpleName(), letter.message().getIdentifier(), processor,
                    sequence(letter.message()), cause.getMessage());
        } else {
            log.info("Retry {} of dead letter {} in {} failed: {}", attempts - 1, letter.message().getIdentifier(),
                    processor, cause.getMessage());
        }
        return Decisions.enqueue(cause, l -> l.diagnostics().and(ATTEMPTS, attempts));
    }

    static long attempts(MetaData diagnostics) {
        Object value = diagnostics.get(ATTEMPTS);
        return value instanceof Number number ? number.longValue() : 0;
    }

    /** The sequence a letter belongs to: the conversation aggregate ({@code tenant:conversationId}). */
    static String sequence(EventMessage<?> message) {
        return message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                : message.getIdentifier();
    }
}
