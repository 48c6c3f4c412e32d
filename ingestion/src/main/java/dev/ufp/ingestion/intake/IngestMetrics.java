package dev.ufp.ingestion.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;

/** {@code feedback.ingest.events} by channel and status, and {@code feedback.ingest.fallbacks}. */
final class IngestMetrics {

    private final MeterRegistry registry;
    private final Counter fallbacks;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.fallbacks = Counter.builder("feedback.ingest.fallbacks")
                .description("batches redone one event per transaction after the shared transaction failed")
                .register(registry);
    }

    void record(String channel, List<ItemResult> results) {
        long accepted = 0;
        long duplicate = 0;
        long rejected = 0;
        for (ItemResult result : results) {
            switch (result.status()) {
                case ACCEPTED -> accepted++;
                case DUPLICATE -> duplicate++;
                case REJECTED -> rejected++;
            }
        }
        count(channel, "accepted", accepted);
        count(channel, "duplicate", duplicate);
        count(channel, "rejected", rejected);
    }

    void fallback() {
        fallbacks.increment();
    }

    private void count(String channel, String status, long n) {
        if (n > 0) {
            registry.counter("feedback.ingest.events", "channel", channel, "status", status).increment(n);
        }
    }
}
