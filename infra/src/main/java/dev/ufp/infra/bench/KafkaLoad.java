package dev.ufp.infra.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A backend publishing to {@code feedback.ingest.v1} at a steady rate while the platform crashes: keyed by
 * conversationId, {@code feedback-key} header, idempotent producer with {@code acks=all}; each record the broker
 * acknowledges goes into the ledger (the platform must then store it, whatever happens to its JVM).
 */
final class KafkaLoad implements AutoCloseable {

    private static final int OPEN_CONVERSATIONS = 16;

    private final KafkaProducer<String, byte[]> producer;
    private final byte[] key;
    private final AckLedger ledger;
    private final int eventsPerSecond;
    private final String prefix;
    private final long seed;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicLong failedSends = new AtomicLong();
    private final Thread thread = new Thread(this::publish, "kafka-load");

    KafkaLoad(String bootstrap, String apiKey, AckLedger ledger, int eventsPerSecond, String prefix, long seed) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                // a broker outage (bench outage) only delays sends: they wait for it instead of failing, so that
                // no conversation gets a hole the platform would have to reject the rest of it for
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 600_000),
                new StringSerializer(), new ByteArraySerializer());
        this.key = apiKey.getBytes(StandardCharsets.UTF_8);
        this.ledger = ledger;
        this.eventsPerSecond = eventsPerSecond;
        this.prefix = prefix;
        this.seed = seed;
    }

    void start() {
        if (eventsPerSecond > 0) {
            thread.start();
        }
    }

    /** Sends the broker did not acknowledge (not in the ledger, so not counted as lost). */
    long failedSends() {
        return failedSends.get();
    }

    /** Stops publishing and waits for the broker's answers to everything sent. */
    void stop() throws InterruptedException {
        stopping.set(true);
        thread.join();
        producer.flush();
    }

    private void publish() {
        List<Deque<BenchEvent>> open = new ArrayList<>();
        long nextConversation = 0;
        long sent = 0;
        long started = System.nanoTime();
        while (!stopping.get()) {
            while (open.size() < OPEN_CONVERSATIONS) {
                open.add(new ArrayDeque<>(ConversationScript.events(prefix, seed, nextConversation++)));
            }
            int slot = (int) (sent % open.size());
            BenchEvent event = open.get(slot).removeFirst();
            if (open.get(slot).isEmpty()) {
                open.remove(slot);
            }
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(KafkaIngestDriver.INGEST_TOPIC,
                    event.conversationId(), event.json());
            record.headers().add("feedback-key", key);
            try {
                producer.send(record, (metadata, failure) -> {
                    if (failure == null) {
                        ledger.acknowledged(AckLedger.Channel.KAFKA, event);
                    } else {
                        failedSends.incrementAndGet();
                    }
                });
            } catch (RuntimeException e) {
                failedSends.incrementAndGet();
            }
            sent++;
            long due = started + sent * 1_000_000_000L / eventsPerSecond;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
