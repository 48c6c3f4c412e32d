package dev.ufp.infra.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kafka side of the comparison: publishes a workload to {@code feedback.ingest.v1} as a backend would
 * (keyed by conversationId, {@code feedback-key} header, each conversation in order) and follows progress through
 * the platform's own counter of events stored from Kafka (cheap to read, unlike a {@code count(*)} of a growing
 * table, which would steal PostgreSQL CPU from the platform), then checks the stored row count once.
 */
final class KafkaIngestDriver {

    private static final Pattern COUNT = Pattern.compile("\"COUNT\",\"value\":([0-9.E]+)");
    static final String INGEST_TOPIC = "feedback.ingest.v1";
    static final String EVENTS_TOPIC = "feedback.events.v1";
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final String bootstrap;
    private final byte[] key;
    private final BenchDatabase database;
    private final PlatformProcess platform;
    private final HttpClient http = HttpClient.newHttpClient();

    KafkaIngestDriver(String bootstrap, String key, BenchDatabase database, PlatformProcess platform) {
        this.bootstrap = bootstrap;
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.database = database;
        this.platform = platform;
    }

    Progress ingest(Workload workload, String table) throws Exception {
        long before = storedFromKafka();
        long rowsBefore = database.count(table);
        long target = before + workload.total();
        Progress progress = new Progress();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            int longest = 0;
            for (int t = 0; t < workload.threads(); t++) {
                longest = Math.max(longest, workload.stream(t).size());
            }
            for (int i = 0; i < longest; i++) {
                for (int t = 0; t < workload.threads(); t++) {
                    List<BenchEvent> stream = workload.stream(t);
                    if (i < stream.size()) {
                        BenchEvent event = stream.get(i);
                        ProducerRecord<String, byte[]> record = new ProducerRecord<>(INGEST_TOPIC,
                                event.conversationId(), event.json());
                        record.headers().add("feedback-key", key);
                        producer.send(record);
                    }
                }
            }
            producer.flush();
        }
        long reported = before;
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (reported < target) {
            if (System.nanoTime() > deadline) {
                throw new EventsClient.IncorrectResult("only " + (reported - before) + " of " + workload.total()
                        + " events published to Kafka were stored within " + TIMEOUT);
            }
            Thread.sleep(100);
            long now = storedFromKafka();
            if (now > reported) {
                progress.completed((int) (now - reported));
                reported = now;
            }
        }
        long rows = database.count(table) - rowsBefore;
        if (rows != workload.total()) {
            throw new EventsClient.IncorrectResult("the platform counted " + workload.total()
                    + " events stored from Kafka but the event store holds " + rows + " new rows");
        }
        return progress;
    }

    /** {@code feedback.ingest.events{channel=kafka,status=accepted}} from the platform's actuator. */
    private long storedFromKafka() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(platform.uri(
                "/actuator/metrics/feedback.ingest.events?tag=channel:kafka&tag=status:accepted"))
                .header("Authorization", "Bearer " + platform.adminKey()).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 404) {
            return 0;
        }
        Matcher count = COUNT.matcher(answer.body());
        return count.find() ? (long) Double.parseDouble(count.group(1)) : 0;
    }

    /** Waits until the domain-event topic holds at least {@code events} records. */
    void awaitPublished(long events) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (published(admin) < events) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the publisher did not catch up within " + TIMEOUT);
                }
                Thread.sleep(200);
            }
        }
    }

    private long published(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(Set.of(EVENTS_TOPIC)).allTopicNames().get().get(EVENTS_TOPIC).partitions()
                .forEach(p -> latest.put(new TopicPartition(EVENTS_TOPIC, p.partition()), OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144),
                new StringSerializer(), new ByteArraySerializer());
    }
}
