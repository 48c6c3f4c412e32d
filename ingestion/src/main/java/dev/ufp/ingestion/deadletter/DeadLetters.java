package dev.ufp.ingestion.deadletter;

import dev.ufp.ingestion.contract.FeedbackEvent;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The dead-letter queues of the platform's processors: what is parked and why, retrying and evicting. A sequence
 * is one conversation ({@code tenant:conversationId}); {@code tenant} limits every operation to one tenant's
 * sequences ({@code null}: all tenants).
 */
public final class DeadLetters {

    /** One parked sequence: its first (failed) event, the reason, and how many events wait behind it. */
    public record Sequence(String sequence, String tenant, long letters, String eventType, String messageId,
                           String eventId, String cause, String reason, long attempts, Instant enqueuedAt,
                           Instant lastTouched) {
    }

    /** What a retry did: sequences tried, of which fully projected now, and what is still parked. */
    public record RetryOutcome(int tried, int succeeded, long remaining) {
    }

    private final EventProcessingConfiguration processing;
    private final List<String> configured;
    private final TransactionManager transactions;

    DeadLetters(EventProcessingConfiguration processing, List<String> configured, TransactionManager transactions) {
        this.processing = processing;
        this.configured = List.copyOf(configured);
        this.transactions = transactions;
    }

    /** The processors of this application that have a dead-letter queue (configured, and present here). */
    public List<String> processors() {
        return configured.stream().filter(p -> processing.deadLetterQueue(p).isPresent()).toList();
    }

    public boolean has(String processor) {
        return configured.contains(processor) && processing.deadLetterQueue(processor).isPresent();
    }

    public long sequences(String processor) {
        return queue(processor).map(q -> transactions.fetchInTransaction(q::amountOfSequences)).orElse(0L);
    }

    public long letters(String processor) {
        return queue(processor).map(q -> transactions.fetchInTransaction(q::size)).orElse(0L);
    }

    /** True when the conversation's sequence is parked in {@code processor}'s queue. */
    public boolean contains(String processor, String sequence) {
        return queue(processor).map(q -> transactions.fetchInTransaction(() -> q.contains(sequence))).orElse(false);
    }

    /** Up to {@code limit} parked sequences of {@code tenant} (all tenants when null), oldest first. */
    public List<Sequence> list(String processor, String tenant, int limit) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = require(processor);
        return transactions.fetchInTransaction(() -> {
            List<Sequence> sequences = new ArrayList<>();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> letters : queue.deadLetters()) {
                var iterator = letters.iterator();
                if (!iterator.hasNext()) {
                    continue;
                }
                DeadLetter<? extends EventMessage<?>> first = iterator.next();
                String sequence = DeadLetterPolicy.sequence(first.message());
                if (!ofTenant(sequence, tenant)) {
                    continue;
                }
                sequences.add(describe(sequence, first, queue.sequenceSize(sequence)));
                if (sequences.size() >= limit) {
                    break;
                }
            }
            return sequences;
        });
    }

    /**
     * Retries parked sequences in order, each letter in its own unit of work: {@code sequence} alone, or every
     * parked sequence of {@code tenant} (each tried once). A letter that fails again stays parked, with one more
     * attempt counted; the letters behind it stay too.
     */
    public RetryOutcome retry(String processor, String tenant, String sequence) {
        SequencedDeadLetterProcessor<EventMessage<?>> retrier = processing.sequencedDeadLetterProcessor(processor)
                .orElseThrow(() -> new IllegalArgumentException("no dead-letter queue for " + processor));
        List<String> targets = sequence != null ? List.of(sequence)
                : list(processor, tenant, Integer.MAX_VALUE).stream().map(Sequence::sequence).toList();
        int succeeded = 0;
        for (String target : targets) {
            Predicate<DeadLetter<? extends EventMessage<?>>> ofTarget =
                    letter -> target.equals(DeadLetterPolicy.sequence(letter.message()));
            if (retrier.process(ofTarget) && !contains(processor, target)) {
                succeeded++;
            }
        }
        return new RetryOutcome(targets.size(), succeeded, sequences(processor));
    }

    /** Drops a parked sequence for good: its events will never reach this processor. Returns how many. */
    public long evict(String processor, String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = require(processor);
        return transactions.fetchInTransaction(() -> {
            long evicted = 0;
            for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(sequence)) {
                queue.evict(letter);
                evicted++;
            }
            return evicted;
        });
    }

    public static boolean ofTenant(String sequence, String tenant) {
        return tenant == null || sequence.startsWith(tenant + ":");
    }

    private static Sequence describe(String sequence, DeadLetter<? extends EventMessage<?>> first, long size) {
        EventMessage<?> message = first.message();
        String eventId = message.getPayload() instanceof FeedbackEvent event ? event.eventId() : null;
        int colon = sequence.indexOf(':');
        return new Sequence(sequence, colon < 0 ? null : sequence.substring(0, colon), size,
                message.getPayloadType().getSimpleName(), message.getIdentifier(), eventId,
                first.cause().map(c -> c.type()).orElse(null), first.cause().map(c -> c.message()).orElse(null),
                DeadLetterPolicy.attempts(first.diagnostics()), first.enqueuedAt(), first.lastTouched());
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String processor) {
        return has(processor) ? processing.deadLetterQueue(processor) : Optional.empty();
    }

    private SequencedDeadLetterQueue<EventMessage<?>> require(String processor) {
        return queue(processor).orElseThrow(() -> new IllegalArgumentException("no dead-letter queue for "
                + processor));
    }
}
