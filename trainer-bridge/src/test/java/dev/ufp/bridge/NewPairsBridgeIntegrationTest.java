package dev.ufp.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.bridge.bench.StandaloneBridge;
import dev.ufp.bridge.bench.SyntheticDatasets;
import dev.ufp.launchers.KafkaBroker;
import dev.ufp.mining.dataset.DatasetManifest;
import dev.ufp.mining.dataset.DatasetPublished;
import dev.ufp.mining.dataset.DatasetStore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code feedback.pairs.v1} on a real Kafka broker started by the test: when a version is published, exactly the
 * pairs the previous version of the same name did not have are sent, keyed by pair id, as TRL-conversational JSON
 * with metadata, with tenant and dataset-id headers; the topic is created by the application.
 */
class NewPairsBridgeIntegrationTest {

    private static final String TOPIC = "feedback.pairs.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;
    private static KafkaBroker broker;
    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.start(KafkaBroker.Config.onFreePorts(home.resolve("kafka")));
        context = new SpringApplicationBuilder(StandaloneBridge.class).run(
                "--" + StandaloneBridge.ENABLED + "=true", "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + home.resolve("db").toAbsolutePath()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--feedback.admin-key=" + UUID.randomUUID(), "--feedback.home=" + home.toAbsolutePath(),
                "--feedback.kafka.enabled=true", "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--feedback.bridge.pairs-retry-interval=1s");
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void aNewVersionPublishesOnlyThePairsItAdds() throws Exception {
        DatasetStore store = context.getBean(DatasetStore.class);
        String tenant = "kafka-pairs";
        DatasetManifest first = store.save(SyntheticDatasets.manifest(tenant, "prefs", 100, 0),
                SyntheticDatasets.pairs(tenant, 0, 100), List.of());
        context.publishEvent(new DatasetPublished(first, null));
        // version 2 keeps pairs 60..99 and adds 100..139
        DatasetManifest second = store.save(SyntheticDatasets.manifest(tenant, "prefs", 80, 0),
                SyntheticDatasets.pairs(tenant, 60, 80), List.of());
        context.publishEvent(new DatasetPublished(second, first.datasetId()));

        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> keepTenant(records, r, tenant));
                return records.size() >= 140;
            });
            consumer.poll(Duration.ofSeconds(2)).forEach(r -> keepTenant(records, r, tenant));
        }
        assertThat(records).hasSize(140);

        Set<String> fromSecond = new TreeSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode value = JSON.readTree(record.value());
            assertThat(record.key()).isEqualTo(value.get("pair_id").asText());
            assertThat(header(record, "feedback-tenant")).isEqualTo(tenant);
            assertThat(header(record, "feedback-dataset-id")).isEqualTo(value.get("dataset_id").asText());
            assertThat(value.get("prompt").isArray()).isTrue();
            assertThat(value.get("chosen").get(0).get("role").asText()).isEqualTo("assistant");
            assertThat(value.get("rejected").get(0).get("content").isTextual()).isTrue();
            assertThat(value.get("strength").isNumber()).isTrue();
            assertThat(value.get("seq").asLong()).isPositive();
            if (value.get("dataset_id").asText().equals(second.datasetId())) {
                fromSecond.add(record.key());
            }
        }
        Set<String> expected = new TreeSet<>();
        for (int i = 100; i < 140; i++) {
            expected.add(SyntheticDatasets.pair(tenant, i).pairId());
        }
        assertThat(fromSecond).isEqualTo(expected);
        assertThat(records.stream().map(ConsumerRecord::key).distinct()).hasSize(140);
    }

    @Test
    void aVersionPublishedWhileTheBrokerIsDownReachesTheTopicOnceItIsBack() throws Exception {
        DatasetStore store = context.getBean(DatasetStore.class);
        Counter failures = context.getBean(MeterRegistry.class).counter("feedback.bridge.pairs.publication.failures");
        double failedBefore = failures.count();
        String tenant = "kafka-pairs-outage";
        broker.stop();
        DatasetManifest version = store.save(SyntheticDatasets.manifest(tenant, "prefs", 30, 0),
                SyntheticDatasets.pairs(tenant, 0, 30), List.of());
        context.publishEvent(new DatasetPublished(version, null));
        await().atMost(Duration.ofSeconds(60)).until(() -> failures.count() > failedBefore);
        broker = KafkaBroker.start(broker.config());

        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> keepTenant(records, r, tenant));
                return records.stream().map(ConsumerRecord::key).distinct().count() >= 30;
            });
        }
        assertThat(records).extracting(r -> header(r, "feedback-dataset-id")).containsOnly(version.datasetId());
        assertThat(context.getBean(JdbcTemplate.class).queryForObject("select published_version from"
                + " pairs_publication where tenant_id = ? and name = 'prefs'", Integer.class, tenant)).isEqualTo(1);
    }

    private static void keepTenant(List<ConsumerRecord<String, byte[]>> records, ConsumerRecord<String, byte[]> record,
                                   String tenant) {
        if (tenant.equals(header(record, "feedback-tenant"))) {
            records.add(record);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
