package dev.ufp.bridge.kafka;

import dev.ufp.bridge.format.JsonLines;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ufp.bridge.format.Format;
import dev.ufp.bridge.format.FormatOptions;
import dev.ufp.bridge.format.PairLayout;
import dev.ufp.ingestion.kafka.KafkaHeaders;
import dev.ufp.mining.dataset.DatasetManifest;
import dev.ufp.mining.dataset.DatasetPublished;
import dev.ufp.mining.dataset.DatasetStore;
import dev.ufp.mining.dataset.PreferencePair;
import dev.ufp.mining.dataset.RowFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * When the miner publishes a dataset version, sends its pairs that the tenant's previous version of the same name
 * did not have (pair ids are deterministic) to {@code feedback.pairs.v1}: key = pairId, value = the
 * TRL-conversational row plus metadata, headers {@code feedback-tenant} and {@code feedback-dataset-id}. Online
 * iterative training jobs consume fresh pairs from there instead of re-pulling whole versions.
 * <p>
 * Runs on its own single thread (versions go out in the order they were published, and the miner is not held up);
 * uses the platform's idempotent, {@code acks=all} producer and waits for the broker's acknowledgement every
 * {@value #ACK_EVERY} records, so memory stays bounded. Delivery is at least once: each dataset's "published up to
 * version" marker ({@link PublicationMarkers}) moves only after the broker acknowledged all of a version's new
 * pairs; the versions above it are published at start-up, when a version is published and every
 * {@code feedback.bridge.pairs-retry-interval} (10 s) until the broker takes them. A version re-sent after a crash
 * or a failed attempt repeats records: consumers dedupe on the key (the pair id).
 */
@Component
@ConditionalOnProperty(name = "feedback.kafka.enabled", havingValue = "true", matchIfMissing = true)
class NewPairsPublisher {

    static final String DATASET_ID_HEADER = "feedback-dataset-id";
    private static final int ACK_EVERY = 1000;
    private static final Logger log = LoggerFactory.getLogger(NewPairsPublisher.class);

    private final DatasetStore store;
    private final PublicationMarkers markers;
    private final KafkaTemplate<String, byte[]> template;
    private final String topic;
    private final Duration retryInterval;
    private final Counter failures;
    private final PairLayout layout = PairLayout.of(FormatOptions.of(Format.TRL_CONVERSATIONAL));
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bridge-new-pairs");
        thread.setDaemon(true);
        return thread;
    });

    NewPairsPublisher(DatasetStore store, PublicationMarkers markers, KafkaTemplate<String, byte[]> template,
                      @Value(PairsTopicConfiguration.TOPIC) String topic,
                      @Value("${feedback.bridge.pairs-retry-interval:10s}") Duration retryInterval,
                      MeterRegistry meters) {
        this.store = store;
        this.markers = markers;
        this.template = template;
        this.topic = topic;
        this.retryInterval = retryInterval;
        this.failures = Counter.builder("feedback.bridge.pairs.publication.failures")
                .description("attempts to publish a dataset version's new pairs that the broker did not acknowledge")
                .register(meters);
    }

    /** Publishes what an earlier run left unpublished, then retries on a timer. */
    @EventListener(ApplicationReadyEvent.class)
    void startRetrying() {
        worker.scheduleWithFixedDelay(this::publishPending, 0, retryInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** After the publisher's transaction commits (at once if there is none), so the version is readable. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(DatasetPublished published) {
        worker.execute(this::publishPending);
    }

    /**
     * Publishes, per dataset and in version order, every version above its marker, moving the marker after each;
     * stops at the first failure (the broker is away), which the next run retries.
     */
    private void publishPending() {
        try {
            for (DatasetStore.LatestVersion latest : store.latestVersions()) {
                int published = markers.publishedVersion(latest.tenant(), latest.name());
                List<DatasetManifest> versions = store.list(latest.tenant()).stream()
                        .filter(m -> m.name().equals(latest.name()))
                        .sorted(Comparator.comparingInt(DatasetManifest::version))
                        .toList();
                for (int i = 0; i < versions.size(); i++) {
                    DatasetManifest version = versions.get(i);
                    if (version.version() <= published) {
                        continue;
                    }
                    String previous = i > 0 && versions.get(i - 1).version() == version.version() - 1
                            ? versions.get(i - 1).datasetId() : null;
                    long sent = publish(new DatasetPublished(version, previous));
                    markers.markPublished(version.tenant(), version.name(), version.version());
                    log.info("Published {} new pairs of {} to {}", sent, version.datasetId(), topic);
                }
            }
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("Publishing new pairs to {} failed, retried in {}: {}", topic, retryInterval, rootMessage(e));
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Sends the new pairs and returns how many; blocks until the broker acknowledged all of them. */
    long publish(DatasetPublished published) {
        DatasetManifest manifest = published.manifest();
        PairIdSet previous = new PairIdSet();
        if (published.previousDatasetId() != null) {
            store.forEachPair(published.previousDatasetId(), RowFilter.all(), 0, 0,
                    row -> previous.add(row.row().pairId()));
        }
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long[] sent = {0};
        store.forEachPair(manifest.datasetId(), RowFilter.all(), 0, 0, row -> {
            PreferencePair pair = row.row();
            if (previous.contains(pair.pairId())) {
                return;
            }
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, pair.pairId(),
                    value(manifest, row.seq(), pair));
            record.headers().add(KafkaHeaders.TENANT, utf8(manifest.tenant()));
            record.headers().add(DATASET_ID_HEADER, utf8(manifest.datasetId()));
            CompletableFuture<?> send = template.send(record);
            pending.add(send);
            if (send.isCompletedExceptionally()) {
                awaitAll(pending);
            }
            sent[0]++;
            if (pending.size() >= ACK_EVERY) {
                awaitAll(pending);
            }
        });
        awaitAll(pending);
        return sent[0];
    }

    private byte[] value(DatasetManifest manifest, long seq, PreferencePair pair) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = JsonLines.generator(out)) {
            g.writeStartObject();
            layout.fields(g, pair);
            g.writeStringField("pair_id", pair.pairId());
            g.writeNumberField("strength", pair.strength());
            g.writeNumberField("margin", pair.margin());
            g.writeStringField("split", pair.split());
            g.writeStringField("origin", pair.origin());
            g.writeStringField("dataset_id", manifest.datasetId());
            g.writeStringField("dataset_name", manifest.name());
            g.writeNumberField("dataset_version", manifest.version());
            g.writeNumberField("seq", seq);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void awaitAll(List<CompletableFuture<?>> pending) {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic, e);
        } catch (Exception e) {
            throw new IllegalStateException("publication to " + topic + " failed", e);
        }
        pending.clear();
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }
}
