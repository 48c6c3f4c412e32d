package dev.ufp.ingestion.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.ingestion.contract.EventMetadata;
import dev.ufp.ingestion.contract.FeedbackEvent;
import dev.ufp.ingestion.deadletter.Quarantine;
import dev.ufp.ingestion.deadletter.RetryBatch;
import dev.ufp.ingestion.deadletter.UnprocessableEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes every stored event to {@code feedback.events.v1}, keyed by conversationId, from an Axon streaming
 * processor: a batch's token advances only after the broker acknowledged all of its records, so a broker outage
 * only delays publication. At-least-once: consumers dedupe on the {@code feedback-event-id} header. Replays
 * (a reset of this processor) deliberately republish: the topic is a complete, replayable copy of the history.
 */
@Component
@ProcessingGroup(KafkaChannelsConfiguration.PUBLISHER_GROUP)
@ConditionalOnProperty(name = "feedback.kafka.enabled", havingValue = "true", matchIfMissing = true)
class DomainEventPublisher {

    private static final String PENDING = DomainEventPublisher.class.getName() + ".pending";
    private static final String REFUSED = "the broker refused the record for good: ";

    private final KafkaTemplate<String, byte[]> template;
    private final Quarantine quarantine;
    private final FeedbackKafkaProperties properties;
    private final ObjectMapper json;
    private final Timer lag;
    private final AtomicLong lastLagMillis = new AtomicLong();

    DomainEventPublisher(KafkaTemplate<String, byte[]> template, FeedbackKafkaProperties properties,
                         ObjectMapper json, MeterRegistry meters, Quarantine quarantine) {
        this.template = template;
        this.quarantine = quarantine;
        this.properties = properties;
        this.json = json;
        this.lag = Timer.builder("feedback.kafka.publication.lag")
                .description("time from storing an event to the broker's acknowledgement of its publication")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
        meters.gauge("feedback.kafka.publication.lag.last", lastLagMillis);
    }

    @EventHandler
    void on(FeedbackEvent event, @MetaDataValue(EventMetadata.TENANT) String tenant,
            @SequenceNumber Long sequence, @Timestamp Instant storedAt, TrackingToken token, EventMessage<?> message)
            throws JsonProcessingException {
        quarantine.check(message);
        RecordHeaders headers = new RecordHeaders();
        headers.add(KafkaHeaders.EVENT_ID, utf8(event.eventId()));
        headers.add(KafkaHeaders.TENANT, utf8(tenant));
        headers.add(KafkaHeaders.TYPE, utf8(event.getClass().getSimpleName()));
        headers.add(KafkaHeaders.SEQUENCE, utf8(String.valueOf(sequence)));
        token.position().ifPresent(p -> headers.add(KafkaHeaders.GLOBAL_SEQUENCE, utf8(Long.toString(p))));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(properties.eventsTopic(), null,
                storedAt.toEpochMilli(), event.conversationId(), json.writeValueAsBytes(event), headers);
        CompletableFuture<?> sent;
        try {
            sent = template.send(record);
        } catch (RuntimeException e) {
            Optional<ApiException> refusal = refusal(e);
            if (refusal.isPresent()) {
                throw new UnprocessableEvent(REFUSED + refusal.get().getMessage());
            }
            RetryBatch.failAtCommit(e);
            return;
        }
        pendingOfThisBatch().add(new Sent(message.getIdentifier(), sent.thenRun(() -> {
            long millis = Math.max(0, Instant.now().toEpochMilli() - storedAt.toEpochMilli());
            lag.record(Duration.ofMillis(millis));
            lastLagMillis.set(millis);
        })));
    }

    /** The broker's or producer's refusal in a failure's causes, when retrying will not heal it. */
    private static Optional<ApiException> refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException api) {
                return api instanceof RetriableException ? Optional.empty() : Optional.of(api);
            }
        }
        return Optional.empty();
    }

    /** The sends of the current unit of work (the batch, or a dead letter retried), awaited before it commits. */
    private List<Sent> pendingOfThisBatch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            List<Sent> pending = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> awaitAll(pending));
            return pending;
        });
    }

    /**
     * Waits for the broker's acknowledgements. A broker that is down or slow fails the batch (retried from its
     * token); a record the broker refuses for good (too large, say) is marked, and the batch fails once more so
     * that its event goes to the dead-letter queue on redelivery.
     */
    private void awaitAll(List<Sent> pending) {
        try {
            CompletableFuture.allOf(pending.stream().map(Sent::future).toArray(CompletableFuture[]::new))
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            List<Sent> refused = pending.stream().filter(sent -> sent.refusal().isPresent()).toList();
            if (refused.isEmpty() || Quarantine.retryingDeadLetter()) {
                throw new IllegalStateException("publication to " + properties.eventsTopic()
                        + " failed; the batch will be retried", e);
            }
            refused.forEach(r -> quarantine.mark(r.messageId(), REFUSED + r.refusal().orElseThrow().getMessage()));
            throw new IllegalStateException(refused.size() + " records of the batch were refused by the broker for"
                    + " good; their events go to the dead-letter queue on redelivery", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("publication to " + properties.eventsTopic()
                    + " timed out; the batch will be retried", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        }
    }

    /** One record sent for the event with this message id. */
    private record Sent(String messageId, CompletableFuture<?> future) {
        /** How the send failed, when retrying will not heal it. */
        Optional<ApiException> refusal() {
            return future.isCompletedExceptionally()
                    ? DomainEventPublisher.refusal(future.handle((value, error) -> error).getNow(null))
                    : Optional.empty();
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
