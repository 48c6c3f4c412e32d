package dev.ufp.ingestion.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.ingestion.contract.EventMetadata;
import dev.ufp.ingestion.contract.FeedbackEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
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

    private final KafkaTemplate<String, byte[]> template;
    private final FeedbackKafkaProperties properties;
    private final ObjectMapper json;
    private final Timer lag;
    private final AtomicLong lastLagMillis = new AtomicLong();

    DomainEventPublisher(KafkaTemplate<String, byte[]> template, FeedbackKafkaProperties properties,
                         ObjectMapper json, MeterRegistry meters) {
        this.template = template;
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
            @SequenceNumber Long sequence, @Timestamp Instant storedAt, TrackingToken token)
            throws JsonProcessingException {
        RecordHeaders headers = new RecordHeaders();
        headers.add(KafkaHeaders.EVENT_ID, utf8(event.eventId()));
        headers.add(KafkaHeaders.TENANT, utf8(tenant));
        headers.add(KafkaHeaders.TYPE, utf8(event.getClass().getSimpleName()));
        headers.add(KafkaHeaders.SEQUENCE, utf8(String.valueOf(sequence)));
        token.position().ifPresent(p -> headers.add(KafkaHeaders.GLOBAL_SEQUENCE, utf8(Long.toString(p))));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(properties.eventsTopic(), null,
                storedAt.toEpochMilli(), event.conversationId(), json.writeValueAsBytes(event), headers);
        CompletableFuture<?> sent = template.send(record).thenRun(() -> {
            long millis = Math.max(0, Instant.now().toEpochMilli() - storedAt.toEpochMilli());
            lag.record(Duration.ofMillis(millis));
            lastLagMillis.set(millis);
        });
        pendingOfThisBatch().add(sent);
    }

    /** The sends of the current batch, awaited once before its token is stored. */
    private List<CompletableFuture<?>> pendingOfThisBatch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(PENDING, key -> {
            List<CompletableFuture<?>> pending = new ArrayList<>();
            root.onPrepareCommit(u -> awaitAll(pending));
            return pending;
        });
    }

    private void awaitAll(List<CompletableFuture<?>> pending) {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("publication to " + properties.eventsTopic()
                    + " failed; the batch will be retried", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
