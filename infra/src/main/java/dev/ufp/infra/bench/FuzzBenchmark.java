package dev.ufp.infra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.launchers.KafkaBroker;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code bench fuzz}: the platform on PostgreSQL with a real broker and Elasticsearch, then seeded hostile inputs
 * on every endpoint the OpenAPI document lists (plus actuator and unknown paths) and on the ingest topic. Passes
 * only with no answer ≥ 500 and no timeout, no stored event from an input answered {@code rejected} or
 * dead-lettered (checked in the store), every record either stored or dead-lettered, and both channels still
 * moving afterwards: a good record after the bad ones in every partition is stored, a good HTTP batch accepted.
 */
public final class FuzzBenchmark {

    static final String TENANT = "fuzz";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EXTRA_ENDPOINTS = List.of("GET /actuator/health", "GET /actuator/metrics",
            "GET /actuator/metrics/{name}", "GET /v3/api-docs", "GET /swagger-ui/index.html", "POST /v1/nope",
            "GET /v1;x/events", "DELETE /v1/events", "PUT /v1/events", "GET /v1/events");
    private static final Duration CANARY_TIMEOUT = Duration.ofMinutes(2);

    private FuzzBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.kafka"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        BenchMain.run(args, FuzzOptions::parse, FuzzBenchmark::run);
    }

    static boolean run(FuzzOptions options) throws Exception {
        long started = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try (KafkaBroker broker = KafkaBroker.start(KafkaBroker.Config.onFreePorts(
                Files.createTempDirectory("ufp-bench-fuzz-kafka-")))) {
            ElasticBenchStack stack = ElasticBenchStack.start("ufp-bench-fuzz-", options.database(), options.esHeap(),
                    options.jar(), options.platformJvmOptions(), List.of("--feedback.kafka.enabled=true",
                            "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers()), http);
            try (stack) {
                return fuzz(options, http, broker, stack, started);
            } catch (Exception | Error e) {
                stack.keepLogs();
                throw e;
            }
        }
    }

    private static boolean fuzz(FuzzOptions options, HttpClient http, KafkaBroker broker, ElasticBenchStack stack,
                                long started) throws Exception {
        PlatformProcess platform = stack.platform();
        String key = issueKey(http, platform, "[\"ingest\",\"analyst\",\"trainer\",\"admin\"]");
        String analystOnly = issueKey(http, platform, "[\"analyst\"]");
        List<String> endpoints = endpoints(http, platform);
        log("%d endpoints (%d from /v3/api-docs); %,d HTTP inputs on %d threads, %,d Kafka records, seed %d",
                endpoints.size(), endpoints.size() - EXTRA_ENDPOINTS.size(), options.httpInputs(), options.threads(),
                options.kafkaInputs(), options.seed());
        HostileInputs inputs = new HostileInputs(options.seed());
        Checks checks = new Checks();

        HttpFuzzer.Result httpRun = new HttpFuzzer(http, platform, new HttpFuzzer.Keys(key, analystOnly,
                platform.adminKey())).run(inputs, endpoints, options.httpInputs(), options.threads());
        log("HTTP: %,d requests in %.1f s, by status %s", httpRun.sent(), httpRun.seconds(), httpRun.byStatus());
        httpRun.failures().forEach(f -> log("  failure: %s", f));
        checks.check(httpRun.failureCount() == 0, "%d answers >= 500 or without an answer", httpRun.failureCount());

        KafkaFuzzer kafka = new KafkaFuzzer(broker.bootstrapServers(), key, analystOnly);
        long kafkaStart = System.nanoTime();
        List<KafkaFuzzer.Sent> records = kafka.publish(inputs, options.kafkaInputs(), options.seed() + 1);
        boolean canariesStored = awaitCanaries(stack.database());
        double kafkaSeconds = (System.nanoTime() - kafkaStart) / 1e9;
        checks.check(canariesStored, "the good record after the bad ones was not stored in every one of the %d "
                + "record keys' partitions within %s", KafkaFuzzer.RECORD_KEYS, CANARY_TIMEOUT);

        Set<String> stored = storedEvents(stack.database());
        long storedRejected = httpRun.rejected().stream().filter(e -> stored.contains(id(e))).count();
        checks.check(storedRejected == 0, "%d events answered 'rejected' over HTTP are in the store", storedRejected);
        Set<String> deadLettered = kafka.deadLetterOrigins();
        long kafkaStored = 0;
        long kafkaDead = 0;
        long both = 0;
        long neither = 0;
        for (KafkaFuzzer.Sent record : records) {
            boolean isStored = record.ids() != null && stored.contains(id(record.ids()));
            boolean isDead = deadLettered.contains(record.origin());
            kafkaStored += isStored ? 1 : 0;
            kafkaDead += isDead ? 1 : 0;
            both += isStored && isDead ? 1 : 0;
            if (!isStored && !isDead && neither++ < 5) {
                log("  neither stored nor dead-lettered: %s, ids %s", record.origin(), record.ids());
            }
        }
        checks.check(both == 0, "%d Kafka records are both stored and dead-lettered", both);
        checks.check(neither == 0, "%d Kafka records are neither stored nor dead-lettered", neither);
        boolean goodBatch = goodBatchAccepted(http, platform, key, inputs);
        checks.check(goodBatch, "a good HTTP batch after the run was not accepted");

        System.out.printf("%n== Fuzz: %,d hostile inputs (seed %d), %d endpoints, PostgreSQL, %d cores ==%n",
                options.inputs(), options.seed(), endpoints.size(), Runtime.getRuntime().availableProcessors());
        System.out.printf("HTTP: %,d requests in %.1f s; answers by status %s; >= 500 or no answer: %d%n",
                httpRun.sent(), httpRun.seconds(), httpRun.byStatus(), httpRun.failureCount());
        System.out.printf("HTTP ingest items: %,d accepted/duplicate, %,d rejected (%,d with plain ids audited); "
                + "rejected found in the store: %d%n", httpRun.itemsAccepted(), httpRun.itemsRejected(),
                httpRun.rejected().size(), storedRejected);
        System.out.printf("Kafka: %,d records (+%d canaries) in %.1f s until every canary was stored: %,d stored, "
                + "%,d dead-lettered, both %d, neither %d%n", options.kafkaInputs(), KafkaFuzzer.RECORD_KEYS,
                kafkaSeconds, kafkaStored, kafkaDead, both, neither);
        System.out.printf("channels afterwards: canary in every partition %s, good HTTP batch %s%n",
                canariesStored ? "stored" : "NOT stored", goodBatch ? "accepted" : "NOT accepted");
        System.out.printf("wall time %.0f s: %s%n", (System.nanoTime() - started) / 1e9,
                checks.passed() ? "CORRECT" : "INCORRECT " + checks.problems());
        return checks.passed();
    }

    /** Every METHOD path of the OpenAPI document, plus actuator, documentation and unknown paths. */
    static List<String> endpoints(HttpClient http, PlatformProcess platform) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(platform.uri("/v3/api-docs"))
                .header("Authorization", "Bearer " + platform.adminKey()).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("/v3/api-docs answered " + answer.statusCode());
        }
        Set<String> endpoints = new TreeSet<>();
        JsonNode paths = JSON.readTree(answer.body()).path("paths");
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            paths.get(path).fieldNames().forEachRemaining(method -> endpoints.add(method.toUpperCase() + " " + path));
        }
        if (endpoints.isEmpty()) {
            throw new IllegalStateException("/v3/api-docs lists no endpoint");
        }
        endpoints.addAll(EXTRA_ENDPOINTS);
        return List.copyOf(endpoints);
    }

    private static String issueKey(HttpClient http, PlatformProcess platform, String roles) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(platform.uri("/v1/admin/keys"))
                .header("Authorization", "Bearer " + platform.adminKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"tenant\":\"" + TENANT + "\",\"roles\":" + roles + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("key creation answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body()).get("key").asText();
    }

    private static boolean awaitCanaries(BenchDatabase database) throws Exception {
        long deadline = System.nanoTime() + CANARY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (count(database, "select count(distinct aggregate_identifier) from domain_event_entry"
                    + " where aggregate_identifier like '" + TENANT + ":fz-canary-%'") == KafkaFuzzer.RECORD_KEYS) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private static boolean goodBatchAccepted(HttpClient http, PlatformProcess platform, String key,
                                             HostileInputs inputs) throws Exception {
        String body = "{\"events\":[" + inputs.goodStart("fz-after-1").json() + ","
                + inputs.goodStart("fz-after-2").json() + "]}";
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(platform.uri("/v1/events"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 200 && JSON.readTree(answer.body()).path("accepted").asInt() == 2;
    }

    /** {@code conversationId|eventId} of every stored event of the fuzz tenant, read from the payloads. */
    private static Set<String> storedEvents(BenchDatabase database) throws Exception {
        Set<String> stored = new HashSet<>();
        try (Connection c = database.connect(); Statement sql = c.createStatement();
             ResultSet rows = sql.executeQuery("select aggregate_identifier, payload from domain_event_entry"
                     + " where aggregate_identifier like '" + TENANT + ":%'")) {
            while (rows.next()) {
                String conversation = rows.getString(1).substring(TENANT.length() + 1);
                stored.add(conversation + "|" + JSON.readTree(rows.getBytes(2)).path("eventId").asText());
            }
        }
        return stored;
    }

    private static long count(BenchDatabase database, String query) throws Exception {
        try (Connection c = database.connect(); Statement sql = c.createStatement();
             ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String id(HostileInputs.SentEvent event) {
        return event.conversationId() + "|" + event.eventId();
    }

    private static void log(String format, Object... args) {
        IngestBenchmark.log(format, args);
    }
}
