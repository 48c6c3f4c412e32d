package dev.ufp.projections.it;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.ufp.projections.it.EventJson.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A rebuild started while events keep arriving (~500 events/s) replays up to the head taken at its start, follows
 * the live events, hands over and finishes; nothing the senders were told was accepted is missing afterwards, and
 * the documents equal those of a quiet rebuild of the same store. Its own context: realistic batch sizes.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:rebuild-traffic-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "feedback.projections.index-prefix=rt-it-",
        "feedback.projections.rebuild-batch-size=500",
        "feedback.projections.rebuild-handover-lag=500",
        "axon.eventhandling.processors.feedback-projections.batch-size=500"})
class RebuildUnderTrafficIntegrationTest extends ProjectionsIntegrationSupport {

    private static final int CONVERSATIONS_PER_TICK = 10;   // 5 events each, every 100 ms: 500 events/s

    @Autowired
    private MeterRegistry meters;

    @Test
    void aRebuildUnderContinuousTrafficFinishesAndEqualsAQuietRebuild() throws Exception {
        String tenant = "traffic-" + UUID.randomUUID().toString().substring(0, 8);
        String key = issueKey(tenant, "ingest");
        AtomicInteger conversations = new AtomicInteger();
        AtomicReference<Throwable> senderFailure = new AtomicReference<>();
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        sender.scheduleAtFixedRate(() -> {
            try {
                List<String> events = new ArrayList<>();
                for (int i = 0; i < CONVERSATIONS_PER_TICK; i++) {
                    events.addAll(conversation("c" + conversations.getAndIncrement()));
                }
                postEvents(key, events);
            } catch (Throwable e) {
                senderFailure.compareAndSet(null, e);
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        JsonNode underTraffic;
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> conversations.get() >= 500);
            long headAtStart = rebuild().get("headPosition").asLong();
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250)).until(() -> !running());
            underTraffic = getJson(ADMIN_KEY, "/v1/admin/projections/rebuild");
            assertThat(underTraffic.get("state").asText()).as(underTraffic.toString()).isEqualTo("done");
            assertThat(underTraffic.get("events").asLong()).as("followed the live events after the start head")
                    .isGreaterThan(headAtStart);
            assertThat(underTraffic.get("handoverMillis").asLong()).isNotNegative();
            assertThat(underTraffic.get("refusedConversations").asLong()).isZero();
            // the live processor goes on writing, now into the new indices
            int atSwap = conversations.get();
            await().atMost(Duration.ofSeconds(60)).until(() -> conversations.get() >= atSwap + 100);
        } finally {
            sender.shutdown();
            assertThat(sender.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(senderFailure.get()).isNull();

        int sent = conversations.get();
        await().atMost(Duration.ofMinutes(2)).until(() -> count(aliases().responses(), tenant) == sent
                && meters.get("feedback.projection.lag.events").gauge().value() == 0);
        Map<String, JsonNode> live = snapshot(tenant);
        System.out.printf("rebuild under traffic: %s; %d conversations%n", underTraffic, sent);

        rebuild();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> !running());
        assertThat(getJson(ADMIN_KEY, "/v1/admin/projections/rebuild").get("state").asText()).isEqualTo("done");
        assertThat(snapshot(tenant)).isEqualTo(live);
    }

    private static List<String> conversation(String c) {
        return List.of(started(c, "user-" + c, "beta"), prompt(c + "p1", c, 1, "t1", "Explain recursion", null),
                response(c + "g1", c, 2, "r1", "t1", "A function that calls itself.", "m1", null),
                reaction("ReactionAdded", c + "x1", c, 3, "r1", "user-" + c, "LOVE"),
                prompt(c + "p2", c, 4, "t2", "Thanks, that works", "r1"));
    }

    private JsonNode rebuild() throws Exception {
        var started = mvc.perform(post("/v1/admin/projections/rebuild").header("Authorization", "Bearer " + ADMIN_KEY))
                .andReturn().getResponse();
        assertThat(started.getStatus()).isEqualTo(202);
        return JSON.readTree(started.getContentAsString());
    }

    private boolean running() throws Exception {
        return getJson(ADMIN_KEY, "/v1/admin/projections/rebuild").get("state").asText()
                .matches("starting|replaying|following|handing-over");
    }

    /** Every response, conversation and signal document of the tenant, by index kind and id. */
    private Map<String, JsonNode> snapshot(String tenant) throws Exception {
        Map<String, JsonNode> documents = new TreeMap<>();
        Map<String, String> idFields = Map.of(aliases().responses(), "id", aliases().conversations(), "id",
                aliases().signals(), "signalId");
        for (String index : idFields.keySet()) {
            String idField = idFields.get(index);
            elasticsearch.indices().refresh(r -> r.index(index));
            Object[] after = null;
            while (true) {
                Object[] from = after;
                SearchResponse<JsonNode> page = elasticsearch.search(s -> {
                    s.index(index).size(2000).query(q -> q.term(t -> t.field("tenant").value(tenant)))
                            .sort(o -> o.field(f -> f.field(idField)));
                    if (from != null) {
                        s.searchAfter(co.elastic.clients.elasticsearch._types.FieldValue.of(from[0].toString()));
                    }
                    return s;
                }, JsonNode.class);
                List<Hit<JsonNode>> hits = page.hits().hits();
                if (hits.isEmpty()) {
                    break;
                }
                hits.forEach(h -> documents.put(index.replace(aliases().responses(), "responses")
                        .replace(aliases().conversations(), "conversations")
                        .replace(aliases().signals(), "signals") + "/" + h.id(), h.source()));
                after = new Object[]{hits.get(hits.size() - 1).id()};
            }
        }
        return documents;
    }
}
