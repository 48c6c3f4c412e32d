package dev.ufp.ingestion.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.ingestion.IngestionTestApplication;
import dev.ufp.ingestion.intake.IngestService;
import dev.ufp.ingestion.intake.IngestSource;
import dev.ufp.ingestion.intake.ItemResult;
import dev.ufp.itsupport.EventCollector;
import dev.ufp.itsupport.PlatformNode;
import dev.ufp.itsupport.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.ufp.ingestion.ApiTestSupport.love;
import static dev.ufp.ingestion.ApiTestSupport.prompt;
import static dev.ufp.ingestion.ApiTestSupport.response;
import static dev.ufp.ingestion.ApiTestSupport.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The event store on the machine's real PostgreSQL, through real HTTP. */
class PostgresEventStoreIntegrationTest {

    private static PostgresDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = PostgresDatabase.create("ufp_it_event_store");
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    private static List<String> conversation(String id, int turns) {
        List<String> events = new ArrayList<>();
        events.add(started(id + "-start", id, "alice"));
        for (int t = 0; t < turns; t++) {
            events.add(prompt(id + "-p" + t, id, "t" + t));
            events.add(response(id + "-r" + t, id, "t" + t, "r" + t));
            events.add(love(id + "-l" + t, id, "r" + t, "alice"));
        }
        return events;
    }

    @Test
    void eventsAndKeysSurviveARestartAndResentEventsStayDuplicates() throws Exception {
        String id = "restart-" + UUID.randomUUID();
        String key;
        JsonNode before;
        try (PlatformNode node = PlatformNode.start(database, IngestionTestApplication.class)) {
            key = node.issueKey("acme", "ingest", "analyst");
            assertThat(node.postEvents(key, conversation(id, 3)).body().get("accepted").asInt()).isEqualTo(10);
            before = node.history(key, id).body();
        }
        try (PlatformNode node = PlatformNode.start(database, IngestionTestApplication.class)) {
            PlatformNode.Response after = node.history(key, id);
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.body()).isEqualTo(before);
            PlatformNode.Response resent = node.postEvents(key, conversation(id, 3));
            assertThat(resent.body().get("duplicate").asInt()).isEqualTo(10);
            PlatformNode.Response more = node.postEvents(key, List.of(prompt(id + "-p9", id, "t9")));
            assertThat(more.body().get("accepted").asInt()).isEqualTo(1);
            assertThat(node.history(key, id).body().get("events")).hasSize(11);
        }
    }

    @Test
    void longConversationsAreSnapshottedAndStillDeduplicateAfterARestart() throws Exception {
        String id = "long-" + UUID.randomUUID();
        List<String> events = conversation(id, 40);
        List<String> args = List.of("--feedback.store.snapshot-threshold=50");
        String key;
        try (PlatformNode node = PlatformNode.start(database, args, IngestionTestApplication.class)) {
            key = node.issueKey("snaps", "ingest", "analyst");
            for (int from = 0; from < events.size(); from += 20) {
                node.postEvents(key, events.subList(from, Math.min(events.size(), from + 20)));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> database.count(
                    "select count(*) from snapshot_event_entry where aggregate_identifier = 'snaps:" + id + "'") > 0);
        }
        try (PlatformNode node = PlatformNode.start(database, args, IngestionTestApplication.class)) {
            PlatformNode.Response resent = node.postEvents(key, events.subList(0, 30));
            assertThat(resent.body().get("duplicate").asInt()).isEqualTo(30);
            PlatformNode.Response next = node.postEvents(key, List.of(
                    prompt(id + "-p99", id, "t99"), response(id + "-r99", id, "t99", "r99"),
                    love(id + "-l99", id, "r99", "alice"), love(id + "-l0-again", id, "r0", "alice")));
            assertThat(next.body().get("accepted").asInt()).isEqualTo(3);
            assertThat(next.body().at("/results/3/status").asText()).isEqualTo("duplicate");
            assertThat(node.history(key, id).body().get("events")).hasSize(events.size() + 3);
        }
    }

    @Test
    void concurrentRetriesOnTwoNodesStoreEachEventExactlyOnce() throws Exception {
        List<String> batch = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            batch.addAll(conversation("race-" + c + "-" + UUID.randomUUID(), 3));
        }
        try (PlatformNode a = PlatformNode.start(database, IngestionTestApplication.class);
             PlatformNode b = PlatformNode.start(database, IngestionTestApplication.class)) {
            String key = a.issueKey("racers", "ingest");
            int senders = 8;
            ExecutorService pool = Executors.newFixedThreadPool(senders);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<PlatformNode.Response>> responses = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                PlatformNode node = i % 2 == 0 ? a : b;
                responses.add(pool.submit(() -> {
                    go.await();
                    return node.postEvents(key, batch);
                }));
            }
            go.countDown();
            Map<String, Integer> accepted = new HashMap<>();
            for (Future<PlatformNode.Response> response : responses) {
                PlatformNode.Response r = response.get();
                assertThat(r.status()).isEqualTo(200);
                for (JsonNode result : r.body().get("results")) {
                    assertThat(result.get("status").asText()).isIn("accepted", "duplicate");
                    if (result.get("status").asText().equals("accepted")) {
                        accepted.merge(result.get("eventId").asText(), 1, Integer::sum);
                    }
                }
            }
            pool.shutdown();
            assertThat(accepted).hasSize(batch.size());
            assertThat(accepted.values()).containsOnly(1);
            assertThat(database.count("select count(*) from domain_event_entry where aggregate_identifier like 'racers:%'"))
                    .isEqualTo(batch.size());
        }
    }

    @Test
    void processorsDoNotSkipEventsWhoseIndexCommitsAfterAHigherOne() throws Exception {
        try (PlatformNode node = PlatformNode.start(database, IngestionTestApplication.class, EventCollector.class)) {
            IngestService ingest = node.bean(IngestService.class);
            EventCollector collector = node.bean(EventCollector.class);
            TransactionTemplate tx = new TransactionTemplate(node.bean(PlatformTransactionManager.class));
            ObjectMapper json = new ObjectMapper();
            IngestSource source = new IngestSource("gaps", "it", "test");
            List<String> slow = conversation("slow-" + UUID.randomUUID(), 2);
            List<String> fast = conversation("fast-" + UUID.randomUUID(), 2);
            CountDownLatch slowHasIndexes = new CountDownLatch(1);
            CountDownLatch releaseSlow = new CountDownLatch(1);

            CompletableFuture<List<ItemResult>> slowResults = CompletableFuture.supplyAsync(() ->
                    tx.execute(status -> {
                        List<ItemResult> results = ingest.ingest(source, parse(json, slow));
                        slowHasIndexes.countDown();
                        await().until(() -> releaseSlow.getCount() == 0);
                        return results;
                    }));
            await().until(() -> slowHasIndexes.getCount() == 0);
            assertThat(ingest.ingest(source, parse(json, fast))).allMatch(ItemResult::stored);
            long fastIndex = database.count("select max(global_index) from domain_event_entry");

            await().atMost(Duration.ofSeconds(30)).until(() -> collector.seen().containsAll(ids(fast)));
            assertThat(collector.seen()).doesNotContainAnyElementsOf(ids(slow));
            releaseSlow.countDown();
            assertThat(slowResults.get()).allMatch(ItemResult::stored);
            long slowMin = database.count("select min(global_index) from domain_event_entry "
                    + "where aggregate_identifier like 'gaps:slow-%'");
            assertThat(slowMin).as("the slow transaction holds the lower indexes").isLessThan(fastIndex);

            await().atMost(Duration.ofSeconds(30)).until(() -> collector.seen().containsAll(ids(slow)));
        }
    }

    @Test
    void noLargeObjectsAreCreatedAndBinaryColumnsAreBytea() throws Exception {
        try (PlatformNode node = PlatformNode.start(database, IngestionTestApplication.class, EventCollector.class)) {
            String key = node.issueKey("lobs", "ingest");
            String id = "lob-" + UUID.randomUUID();
            node.postEvents(key, conversation(id, 5));
            EventCollector collector = node.bean(EventCollector.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> collector.seen().contains(id + "-l4"));
            assertThat(database.count("select count(*) from token_entry where token is not null")).isPositive();
        }
        assertThat(database.count("select count(*) from pg_largeobject_metadata")).isZero();
        assertThat(database.count("select count(*) from information_schema.columns where table_name in "
                + "('domain_event_entry','snapshot_event_entry','token_entry') and data_type = 'oid'")).isZero();
    }

    private static List<JsonNode> parse(ObjectMapper json, List<String> events) {
        return events.stream().map(e -> {
            try {
                return json.readTree(e);
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }).toList();
    }

    private static List<String> ids(List<String> events) {
        return events.stream().map(e -> e.replaceAll(".*\"eventId\":\"([^\"]+)\".*", "$1")).toList();
    }
}
