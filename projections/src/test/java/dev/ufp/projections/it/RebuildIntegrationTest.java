package dev.ufp.projections.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ufp.projections.elastic.IndexAdmin;
import dev.ufp.projections.elastic.IndexSet;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ufp.projections.it.EventJson.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A rebuild replays the store into new indices and swaps the aliases: identical documents, same counts. */
class RebuildIntegrationTest extends ProjectionsIntegrationSupport {

    @Autowired
    private MeterRegistry meters;

    @Test
    void aRebuildGivesIdenticalDocumentsAndCountsBehindTheSameAliases() throws Exception {
        String tenant = "rebuild-" + UUID.randomUUID().toString().substring(0, 8);
        String key = issueKey(tenant, "ingest");
        for (int i = 0; i < 4; i++) {
            String c = "c" + i;
            List<String> events = new ArrayList<>(List.of(started(c, "user" + i, i % 2 == 0 ? "beta" : "ga"),
                    prompt(c + "p1", c, 1, "t1", "Explain recursion", null),
                    response(c + "g1", c, 2, "r1", "t1", "A function that calls itself.", "m" + (i % 2), null),
                    reaction("ReactionAdded", c + "x1", c, 3, "r1", "user" + i, "THUMBS_UP"),
                    reaction("ReactionAdded", c + "x2", c, 4, "r1", "user" + i, "LOVE"),
                    reaction("ReactionRemoved", c + "x3", c, 5, "r1", "user" + i, "THUMBS_UP"),
                    targeted("ResponseShared", c + "x4", c, 6, "r1", "friend"),
                    prompt(c + "p2", c, 7, "t2", "Not what I asked, give an example", "r1"),
                    response(c + "g2", c, 8, "r2", "t2", "def f(n): return f(n-1)", "m1", null),
                    targeted("RegenerateRequested", c + "x5", c, 9, "r2", "user" + i),
                    response(c + "g3", c, 10, "r3", "t2", "def fact(n): return 1 if n < 2 else n * fact(n-1)", "m1", "r2"),
                    prompt(c + "p3", c, 11, "t3", "Thanks, that works", "r3"),
                    closed(c + "x6", c, 20)));
            postEvents(key, events);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> document(aliases().conversations(), tenant + ":c3") != null
                && document(aliases().conversations(), tenant + ":c3").path("closedAt").isTextual()
                && meters.get("feedback.projection.lag.events").gauge().value() == 0);

        IndexSet before = indexAdmin.current();
        Map<String, JsonNode> responses = all(aliases().responses());
        Map<String, JsonNode> signals = all(aliases().signals());
        Map<String, JsonNode> conversations = all(aliases().conversations());
        assertThat(count(aliases().responses(), tenant)).isEqualTo(12);

        var started = mvc.perform(post("/v1/admin/projections/rebuild").header("Authorization", "Bearer " + ADMIN_KEY))
                .andReturn().getResponse();
        assertThat(started.getStatus()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).until(() ->
                !getJson(ADMIN_KEY, "/v1/admin/projections/rebuild").get("state").asText().matches("starting|replaying|following|handing-over"));
        JsonNode status = getJson(ADMIN_KEY, "/v1/admin/projections/rebuild");
        assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("done");
        assertThat(status.get("events").asLong()).isGreaterThanOrEqualTo(4 * 13);
        assertThat(status.get("eventsPerSecond").asDouble()).isPositive();

        IndexSet after = indexAdmin.current();
        assertThat(after.responses()).isNotEqualTo(before.responses()).startsWith(aliases().responses() + "-" + IndexAdmin.MAPPING_VERSION + "-");
        assertThat(elasticsearch.indices().exists(e -> e.index(before.responses())).value()).isFalse();
        assertThat(all(aliases().responses())).isEqualTo(responses);
        assertThat(all(aliases().signals())).isEqualTo(signals);
        assertThat(all(aliases().conversations())).isEqualTo(conversations);

        // the live processor writes to the new indices after the swap
        postEvents(key, List.of(reaction("ReactionAdded", "late", "c0", 30, "r2", "someone", "LOVE")));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                document(aliases().responses(), tenant + ":c0:r2").get("loved").asBoolean());
    }

    @Test
    void onlyThePlatformAdminMayRebuild() throws Exception {
        String tenantAdmin = issueKey("rebuild-tenant", "admin", "analyst");
        var refused = mvc.perform(post("/v1/admin/projections/rebuild").header("Authorization", "Bearer " + tenantAdmin))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).contains("bootstrap admin key");
    }
}
