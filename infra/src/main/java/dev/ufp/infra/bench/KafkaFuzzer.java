package dev.ufp.infra.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * The Kafka half of {@code bench fuzz}: publishes hostile records to {@code feedback.ingest.v1} over a few record
 * keys (so bad and good records share partitions), some with a missing, unknown or under-privileged key header,
 * then one good record per key after them (the canaries), and reads the dead-letter topic back: every record is
 * either stored or dead-lettered, never both, never neither.
 */
final class KafkaFuzzer {

    static final String DLT = "feedback.ingest.v1.dlt";
    static final int RECORD_KEYS = 12;

    /** One published record: where it landed and the ids of its event, when it has plain ones. */
    record Sent(String origin, HostileInputs.SentEvent ids) {
    }

    private final String bootstrap;
    private final String ingestKey;
    private final String otherRoleKey;

    KafkaFuzzer(String bootstrap, String ingestKey, String otherRoleKey) {
        this.bootstrap = bootstrap;
        this.ingestKey = ingestKey;
        this.otherRoleKey = otherRoleKey;
    }

    /** Publishes {@code count} hostile records and then the canaries (returned last, one per record key). */
    List<Sent> publish(HostileInputs inputs, int count, long seed) throws Exception {
        Random headers = new Random(seed);
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        List<HostileInputs.SentEvent> ids = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count + RECORD_KEYS; i++) {
                boolean canary = i >= count;
                String recordKey = "fzk-" + (i % RECORD_KEYS);
                HostileInputs.Value value = canary
                        ? canaryValue(inputs, i % RECORD_KEYS) : inputs.record();
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(KafkaIngestDriver.INGEST_TOPIC, recordKey,
                        value.bytes());
                String key = canary ? ingestKey : switch (headers.nextInt(10)) {
                    case 0 -> null;
                    case 1 -> "ufp_" + "k".repeat(40);
                    case 2 -> otherRoleKey;
                    default -> ingestKey;
                };
                if (key != null) {
                    record.headers().add("feedback-key", key.getBytes(StandardCharsets.UTF_8));
                }
                acks.add(producer.send(record));
                ids.add(value.ids());
            }
            producer.flush();
        }
        List<Sent> sent = new ArrayList<>(acks.size());
        for (int i = 0; i < acks.size(); i++) {
            RecordMetadata at = acks.get(i).get();
            sent.add(new Sent(at.topic() + "/" + at.partition() + "@" + at.offset(), ids.get(i)));
        }
        return sent;
    }

    static String canaryConversation(int recordKey) {
        return "fz-canary-" + recordKey;
    }

    private static HostileInputs.Value canaryValue(HostileInputs inputs, int recordKey) {
        HostileInputs.Event event = inputs.goodStart(canaryConversation(recordKey));
        return new HostileInputs.Value(event.json().getBytes(StandardCharsets.UTF_8), event.ids());
    }

    /** The {@code feedback-dlt-origin} of every dead letter, read from the start to the topic's end. */
    Set<String> deadLetterOrigins() {
        Set<String> origins = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-fuzz-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2_097_152),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(DLT).stream()
                    .map(p -> new TopicPartition(DLT, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + DLT + " to its end within 2 minutes");
                }
                for (ConsumerRecord<String, byte[]> letter : consumer.poll(Duration.ofMillis(500))) {
                    Header origin = letter.headers().lastHeader("feedback-dlt-origin");
                    if (origin != null) {
                        origins.add(new String(origin.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return origins;
    }
}
