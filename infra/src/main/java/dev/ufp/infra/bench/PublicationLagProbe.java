package dev.ufp.infra.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Offers events over HTTP at a steady rate (a batch every 100 ms) while a consumer reads
 * {@code feedback.events.v1}: lag = time the record is consumed − time the event was stored (record timestamp).
 */
final class PublicationLagProbe {

    record Result(int sent, int measured, long p50, long p95, long p99, long max) {
    }

    private final EventsClient client;
    private final String bootstrap;
    private final String tenant;

    PublicationLagProbe(EventsClient client, String bootstrap, String tenant) {
        this.client = client;
        this.bootstrap = bootstrap;
        this.tenant = tenant;
    }

    Result run(int eventsPerSecond, int seconds, long seed) throws Exception {
        int perTick = Math.max(1, eventsPerSecond / 10);
        int total = perTick * 10 * seconds;
        List<BenchEvent> events = Workload.generate("lag", seed, total, 1).stream(0);
        List<Long> lags = new ArrayList<>(total);
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(KafkaIngestDriver.EVENTS_TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger next = new AtomicInteger();
            AtomicReference<Exception> failure = new AtomicReference<>();
            // one batch after the other, in order: a conversation's later events must not overtake earlier ones
            ticker.scheduleAtFixedRate(() -> {
                int from = next.getAndAdd(perTick);
                if (from < total && failure.get() == null) {
                    try {
                        client.send(events.subList(from, Math.min(total, from + perTick)));
                    } catch (Exception e) {
                        failure.set(e);
                    }
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds + 60L).toNanos();
            while (lags.size() < total && System.nanoTime() < deadline && failure.get() == null) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    if (tenant.equals(header(record, "feedback-tenant"))
                            && header(record, "feedback-event-id").startsWith("lag")) {
                        lags.add(Math.max(0, System.currentTimeMillis() - record.timestamp()));
                    }
                }
            }
            ticker.shutdownNow();
            if (failure.get() != null) {
                throw failure.get();
            }
        }
        long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalStateException("no event of the lag probe reached " + KafkaIngestDriver.EVENTS_TOPIC);
        }
        return new Result(total, sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.95),
                percentile(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static long percentile(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
