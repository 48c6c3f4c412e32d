package dev.ufp.ingestion.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ufp.ingestion.IngestionTestApplication;
import dev.ufp.ingestion.deadletter.DeadLetters;
import dev.ufp.itsupport.PlatformNode;
import dev.ufp.itsupport.PostgresDatabase;
import dev.ufp.launchers.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static dev.ufp.ingestion.ApiTestSupport.love;
import static dev.ufp.ingestion.ApiTestSupport.prompt;
import static dev.ufp.ingestion.ApiTestSupport.response;
import static dev.ufp.ingestion.ApiTestSupport.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Kafka channels on a real broker started by the test, with the event store on the real PostgreSQL. */
class KafkaChannelsIntegrationTest {

    private static final String INGEST = "feedback.ingest.v1";
    private static final String DLT = "feedback.ingest.v1.dlt";
    private static final String EVENTS = "feedback.events.v1";
    private static final int MAX_RECORD_BYTES = 20_000;

    @TempDir
    static Path brokerHome;
    private static PostgresDatabase database;
    private static KafkaBroker broker;
    private static PlatformNode node;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() {
        database = PostgresDatabase.create("ufp_it_kafka");
        broker = KafkaBroker.start(KafkaBroker.Config.onFreePorts(brokerHome));
        node = PlatformNode.start(database, List.of("--feedback.kafka.enabled=true",
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                // small enough that one test's long response is a record the producer refuses for good
                "--spring.kafka.producer.properties.max.request.size=" + MAX_RECORD_BYTES), IngestionTestApplication.class);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stop() {
        producer.close();
        node.close();
        broker.stop();
        database.close();
    }

    private static List<String> conversation(String id) {
        return List.of(started(id + "-start", id, "alice"), prompt(id + "-p0", id, "t0"),
                response(id + "-r0", id, "t0", "r0"), love(id + "-l0", id, "r0", "alice"));
    }

    private static void publish(String conversationId, String json, String key) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(INGEST, conversationId,
                json.getBytes(StandardCharsets.UTF_8));
        if (key != null) {
            record.headers().add("feedback-key", key.getBytes(StandardCharsets.UTF_8));
        }
        producer.send(record).get();
    }

    @Test
    void eventsPublishedToTheIngestTopicAreStoredExactlyAsOverHttp() throws Exception {
        String key = node.issueKey("kafka-in", "ingest", "analyst");
        String viaKafka = "k-" + UUID.randomUUID();
        String viaHttp = "h-" + UUID.randomUUID();
        for (String event : conversation(viaKafka)) {
            publish(viaKafka, event, key);
        }
        node.postEvents(key, conversation(viaHttp));
        await().atMost(Duration.ofSeconds(60)).until(() -> node.history(key, viaKafka).status() == 200
                && node.history(key, viaKafka).body().get("events").size() == 4);
        assertThat(shape(node.history(key, viaKafka).body())).isEqualTo(shape(node.history(key, viaHttp).body()));

        for (String event : conversation(viaKafka)) {
            publish(viaKafka, event, key);
        }
        awaitIngestTopicConsumed();
        assertThat(node.history(key, viaKafka).body().get("events")).hasSize(4);
    }

    @Test
    void refusedRecordsGoToTheDeadLetterTopicWithReasonsAndDoNotBlockThePartition() throws Exception {
        String ingestKey = node.issueKey("kafka-dlt", "ingest", "analyst");
        String analystKey = node.issueKey("kafka-dlt", "analyst");
        String id = "d-" + UUID.randomUUID();
        publish(id, "{not json", ingestKey);
        publish(id, started(id + "-start", id, "alice"), null);
        publish(id, started(id + "-start", id, "alice"), "ufp_unknown_key");
        publish(id, started(id + "-start", id, "alice"), analystKey);
        publish(id, started(id + "-start", id, "alice").replace("\"userId\"", "\"user\""), ingestKey);
        publish(id, started(id + "-start", id, "alice"), ingestKey);

        await().atMost(Duration.ofSeconds(60)).until(() -> node.history(ingestKey, id).status() == 200);
        Map<String, Map<String, String>> letters = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer("dlt-" + id)) {
            consumer.subscribe(List.of(DLT));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (id.equals(record.key())) {
                        letters.put(record.offset() + "@" + record.partition(), headers(record));
                    }
                }
                return letters.size() >= 5;
            });
        }
        assertThat(letters.values()).extracting(h -> h.get("feedback-dlt-code"))
                .containsExactlyInAnyOrder("malformed-json", "unauthorized", "unauthorized", "forbidden",
                        "invalid-field");
        assertThat(letters.values()).allSatisfy(h -> {
            assertThat(h.get("feedback-dlt-reason")).isNotBlank();
            assertThat(h.get("feedback-dlt-origin")).startsWith(INGEST + "/");
        });
        assertThat(letters.values()).filteredOn(h -> "invalid-field".equals(h.get("feedback-dlt-code")))
                .singleElement().satisfies(h -> assertThat(h.get("feedback-dlt-reason")).contains("\"field\":\"user\""));
    }

    @Test
    void everyStoredEventReachesTheEventsTopicEvenAcrossABrokerOutage() throws Exception {
        String tenant = "kafka-out-" + UUID.randomUUID().toString().substring(0, 8);
        String key = node.issueKey(tenant, "ingest");
        List<String> before = new ArrayList<>();
        List<String> during = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            before.addAll(conversation("b" + i + "-" + UUID.randomUUID()));
            during.addAll(conversation("o" + i + "-" + UUID.randomUUID()));
        }
        assertThat(node.postEvents(key, before).body().get("accepted").asInt()).isEqualTo(before.size());
        awaitPublished(tenant, before.size());

        broker.stop();
        assertThat(node.postEvents(key, during).body().get("accepted").asInt()).isEqualTo(during.size());
        broker = KafkaBroker.start(broker.config());

        long stored = database.count("select count(*) from domain_event_entry where aggregate_identifier like '"
                + tenant + ":%'");
        assertThat(stored).isEqualTo(before.size() + during.size());
        Map<String, Map<String, String>> published = awaitPublished(tenant, (int) stored);
        Set<String> publishedIds = published.values().stream().map(h -> h.get("feedback-event-id")).collect(Collectors.toSet());
        assertThat(publishedIds).containsAll(ids(before)).containsAll(ids(during));
        Map<String, String> sample = published.values().stream()
                .filter(h -> h.get("feedback-event-id").equals(ids(during).get(2))).findFirst().orElseThrow();
        assertThat(sample).containsEntry("feedback-tenant", tenant).containsEntry("feedback-type", "ResponseGenerated")
                .containsKeys("feedback-global-sequence", "feedback-sequence");

        JsonNode lag = node.get("/actuator/metrics/feedback.kafka.publication.lag").body();
        assertThat(lag.at("/measurements/0/value").asDouble()).as("publications timed").isGreaterThanOrEqualTo(stored);
        assertThat(node.get("/actuator/metrics/kafka.consumer.fetch.manager.records.lag.max").status())
                .as("consumer lag of the ingest listener").isEqualTo(200);
    }

    @Test
    void aRecordTheBrokerRefusesForGoodIsDeadLetteredWhileEveryOtherEventIsPublished() throws Exception {
        String tenant = "kafka-big-" + UUID.randomUUID().toString().substring(0, 8);
        String key = node.issueKey(tenant, "ingest");
        String big = "big-" + UUID.randomUUID();
        String longResponse = """
                {"eventId":"%s-r0","type":"ResponseGenerated","conversationId":"%s","occurredAt":"2026-11-29T10:00:02Z",\
                "responseId":"r0","turnId":"t0","text":"%s","model":"m1"}""".formatted(big, big,
                "x".repeat(MAX_RECORD_BYTES + 1000));
        List<String> bigConversation = List.of(started(big + "-start", big, "alice"), prompt(big + "-p0", big, "t0"),
                longResponse, love(big + "-l0", big, "r0", "alice"));
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            others.addAll(conversation("n" + i + "-" + UUID.randomUUID()));
        }
        assertThat(node.postEvents(key, bigConversation).body().get("accepted").asInt()).isEqualTo(4);
        assertThat(node.postEvents(key, others).body().get("accepted").asInt()).isEqualTo(others.size());

        // the two events before the refused one and every other conversation's events are published
        Map<String, Map<String, String>> published = awaitPublished(tenant, others.size() + 2);
        Set<String> publishedIds = published.values().stream().map(h -> h.get("feedback-event-id")).collect(Collectors.toSet());
        assertThat(publishedIds).containsAll(ids(others)).contains(big + "-start", big + "-p0")
                .doesNotContain(big + "-r0", big + "-l0");
        DeadLetters deadLetters = node.bean(DeadLetters.class);
        String sequence = tenant + ":" + big;
        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters.contains("kafka-publisher", sequence));
        DeadLetters.Sequence parked = deadLetters.list("kafka-publisher", tenant, 10).get(0);
        assertThat(parked.sequence()).isEqualTo(sequence);
        assertThat(parked.eventId()).isEqualTo(big + "-r0");
        assertThat(parked.letters()).isEqualTo(2);
        assertThat(parked.reason()).contains("refused the record for good");
        assertThat(node.get("/actuator/metrics/feedback.dead.letters?tag=processor:kafka-publisher").body()
                .at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(2.0);
        assertThat(deadLetters.evict("kafka-publisher", sequence)).isEqualTo(2);
    }

    @Test
    void aRecordTheStoreRefusesOrTheDoorRejectsNeverStallsItsPartition() throws Exception {
        refuseConversationsMarked("refused-by-store-");
        String key = node.issueKey("kafka-poison", "ingest", "analyst");
        String partitionKey = "same-partition-" + UUID.randomUUID();
        String refused = "refused-by-store-" + UUID.randomUUID();
        String nul = "nul-" + UUID.randomUUID();
        String good = "good-" + UUID.randomUUID();
        publish(partitionKey, started(refused + "-start", refused, "eve"), key);
        publish(partitionKey, response(nul + "-r0", nul, "t0", "r0").replace("\"model\":\"m1\"", "\"model\":\"m\\u0000\""), key);
        publish(partitionKey, started(good + "-start", good, "bob"), key);

        await().atMost(Duration.ofSeconds(60)).until(() -> node.history(key, good).status() == 200);
        Map<String, Map<String, String>> letters = deadLetters(partitionKey, 2);
        assertThat(letters.values()).extracting(h -> h.get("feedback-dlt-code"))
                .containsExactlyInAnyOrder("unstorable", "invalid-field");
        assertThat(letters.values()).filteredOn(h -> "invalid-field".equals(h.get("feedback-dlt-code")))
                .singleElement().satisfies(h -> assertThat(h.get("feedback-dlt-reason")).contains("\"field\":\"model\""));
        assertThat(database.count("select count(*) from domain_event_entry where aggregate_identifier in "
                + "('kafka-poison:" + refused + "', 'kafka-poison:" + nul + "')")).isZero();
    }

    @Test
    void deadLettersCarryNeitherTheIngestKeyNorOtherHeadersNorARawUserId() throws Exception {
        String key = node.issueKey("kafka-private", "ingest", "analyst");
        String id = "p-" + UUID.randomUUID();
        String rawUser = "raw-user-" + UUID.randomUUID();
        String invalid = started(id + "-start", id, rawUser).replace("\"occurredAt\"", "\"occurredOn\"");
        ProducerRecord<String, byte[]> withHeaders = new ProducerRecord<>(INGEST, id, invalid.getBytes(StandardCharsets.UTF_8));
        withHeaders.headers().add("feedback-key", key.getBytes(StandardCharsets.UTF_8));
        withHeaders.headers().add("x-session-cookie", "secret".getBytes(StandardCharsets.UTF_8));
        producer.send(withHeaders).get();
        publish(id, invalid, null);
        publish(id, "{\"userId\":\"" + rawUser + "\",", key);
        ProducerRecord<String, byte[]> badUserId = new ProducerRecord<>(INGEST, id,
                started(id + "-x", id, rawUser + "\\u0007").getBytes(StandardCharsets.UTF_8));
        badUserId.headers().add("feedback-key", key.getBytes(StandardCharsets.UTF_8));
        producer.send(badUserId).get();
        String pseudonym = storedUserId(key, "p2-" + UUID.randomUUID(), rawUser);

        List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer("dlt-private-" + id)) {
            consumer.subscribe(List.of(DLT));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (id.equals(r.key())) {
                        letters.add(r);
                    }
                });
                return letters.size() >= 4;
            });
        }
        for (ConsumerRecord<String, byte[]> letter : letters) {
            Map<String, String> headers = headers(letter);
            assertThat(headers).doesNotContainKeys("feedback-key", "x-session-cookie");
            assertThat(String.join("|", headers.values())).doesNotContain(key).doesNotContain(rawUser);
            if (letter.value() != null) {
                assertThat(new String(letter.value(), StandardCharsets.UTF_8)).doesNotContain(rawUser);
            }
        }
        Map<String, ConsumerRecord<String, byte[]>> byCode = new HashMap<>();
        letters.forEach(l -> byCode.merge(headers(l).get("feedback-dlt-code") + ":" + headers(l).containsKey("feedback-tenant"), l, (a, b) -> a));
        JsonNode signed = json.readTree(byCode.get("invalid-field:true").value());
        assertThat(signed.get("userId").asText()).as("the store's pseudonym").isEqualTo(pseudonym);
        assertThat(headers(byCode.get("invalid-field:true"))).containsEntry("feedback-tenant", "kafka-private")
                .containsKey("feedback-dlt-key-id");
        JsonNode unsigned = json.readTree(byCode.get("unauthorized:false").value());
        assertThat(unsigned.has("userId")).as("no tenant, no pseudonym: dropped").isFalse();
        assertThat(unsigned.get("conversationId").asText()).isEqualTo(id);
        ConsumerRecord<String, byte[]> malformed = byCode.get("malformed-json:true");
        assertThat(malformed.value()).isNull();
        assertThat(headers(malformed)).containsKeys("feedback-dlt-value-sha256", "feedback-dlt-value-bytes");
    }

    @Test
    void twoConversationsWithTheSameEventIdAreBothPublishedUnderDistinctDedupeKeys() throws Exception {
        String tenant = "kafka-dedupe-" + UUID.randomUUID().toString().substring(0, 8);
        String key = node.issueKey(tenant, "ingest");
        String first = "a-" + UUID.randomUUID();
        String second = "b-" + UUID.randomUUID();
        assertThat(node.postEvents(key, List.of(started("e1", first, "alice"), started("e1", second, "bob")))
                .body().get("accepted").asInt()).isEqualTo(2);

        Map<String, Map<String, String>> published = awaitPublished(tenant, 2);

        assertThat(published.keySet()).containsExactlyInAnyOrder(tenant + "/" + first + "/e1", tenant + "/" + second + "/e1");
        assertThat(published.values()).extracting(h -> h.get("feedback-event-id")).containsOnly("e1");
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Stores a conversation started by {@code rawUser} over HTTP and answers the pseudonym the store recorded. */
    private static String storedUserId(String key, String conversationId, String rawUser) throws Exception {
        node.postEvents(key, List.of(started(conversationId + "-start", conversationId, rawUser)));
        return node.history(key, conversationId).body().at("/events/0/event/userId").asText();
    }

    /** Makes the real PostgreSQL refuse, with a data exception, every event of conversations whose id has the mark. */
    private static void refuseConversationsMarked(String mark) throws Exception {
        try (var c = database.connect(); var s = c.createStatement()) {
            s.execute("""
                    create or replace function refuse_marked() returns trigger language plpgsql as $$
                    begin
                      if new.aggregate_identifier like '%%%s%%' then
                        raise exception 'value refused' using errcode = '22P05';
                      end if;
                      return new;
                    end $$""".formatted(mark));
            s.execute("create or replace trigger refuse_marked before insert on domain_event_entry "
                    + "for each row execute function refuse_marked()");
        }
    }

    /** The dead letters whose record key is {@code recordKey}, by offset, once {@code expected} arrived. */
    private static Map<String, Map<String, String>> deadLetters(String recordKey, int expected) {
        Map<String, Map<String, String>> letters = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer("dlt-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(DLT));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (recordKey.equals(record.key())) {
                        letters.put(record.offset() + "@" + record.partition(), headers(record));
                    }
                }
                return letters.size() >= expected;
            });
        }
        return letters;
    }

    /**
     * Reads the events topic from the start until {@code expected} distinct events of the tenant are seen, deduped
     * as the README tells consumers to: on tenant, record key (the conversationId) and event id.
     */
    private static Map<String, Map<String, String>> awaitPublished(String tenant, int expected) {
        Map<String, Map<String, String>> byEventId = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer("events-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(EVENTS));
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = headers(record);
                    if (tenant.equals(headers.get("feedback-tenant"))) {
                        byEventId.put(tenant + "/" + record.key() + "/" + headers.get("feedback-event-id"), headers);
                    }
                }
                return byEventId.size() >= expected;
            });
        }
        assertThat(byEventId).hasSize(expected);
        return byEventId;
    }

    private static void awaitIngestTopicConsumed() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Map<TopicPartition, Long> committed = admin.listConsumerGroupOffsets("feedback-ingest")
                        .partitionsToOffsetAndMetadata().get().entrySet().stream()
                        .filter(e -> e.getKey().topic().equals(INGEST) && e.getValue() != null)
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(Set.of(INGEST)).allTopicNames().get().get(INGEST).partitions()
                        .forEach(p -> latest.put(new TopicPartition(INGEST, p.partition()), OffsetSpec.latest()));
                return admin.listOffsets(latest).all().get().entrySet().stream()
                        .allMatch(e -> e.getValue().offset() == committed.getOrDefault(e.getKey(), 0L));
            });
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(String group) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static List<String> shape(JsonNode history) {
        List<String> shape = new ArrayList<>();
        for (JsonNode stored : history.get("events")) {
            shape.add(stored.get("sequence").asLong() + ":" + stored.at("/event/type").asText() + ":"
                    + stored.at("/event/userId").asText(""));
        }
        return shape;
    }

    private static List<String> ids(List<String> events) {
        return events.stream().map(e -> e.replaceAll(".*\"eventId\":\"([^\"]+)\".*", "$1")).toList();
    }
}
