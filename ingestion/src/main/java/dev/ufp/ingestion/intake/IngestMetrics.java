package dev.ufp.ingestion.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;

/** {@code feedback.ingest.events} by channel and status, {@code feedback.ingest.fallbacks} and {@code feedback.ingest.unstorable}. */
final class IngestMetrics {

    private final MeterRegistry registry;
    private final Counter fallbacks;
    private final Counter refused;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.fallbacks = Counter.builder("feedback.ingest.fallbacks")
                .description("batches redone one event per transaction after the shared transaction failed")
                .register(registry);
        this.refused = Counter.builder("feedback.ingest.unstorable")
                .description("events rejected because the store refused their conversation's data")
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

    void refused(int events) {
        refused.increment(events);
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
