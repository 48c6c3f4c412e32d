package dev.ufp.projections.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ufp.ingestion.contract.ConversationStarted;
import dev.ufp.ingestion.contract.PromptSubmitted;
import dev.ufp.ingestion.contract.Reaction;
import dev.ufp.ingestion.contract.ReactionAdded;
import dev.ufp.ingestion.contract.ResponseGenerated;
import dev.ufp.projections.elastic.IndexAdmin;
import dev.ufp.projections.elastic.IndexSet;
import dev.ufp.projections.projector.ProjectionBatch;
import dev.ufp.projections.projector.Projector;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ufp.projections.it.EventJson.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events posted through the real API end up as response, signal and conversation documents in Elasticsearch. */
class ProjectionIntegrationTest extends ProjectionsIntegrationSupport {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    @Autowired
    private MeterRegistry meters;
    @Autowired
    private Projector projector;

    @Test
    void aConversationBecomesResponseSignalAndConversationDocuments() throws Exception {
        String tenant = "proj-" + UUID.randomUUID().toString().substring(0, 8);
        String key = issueKey(tenant, "ingest", "analyst");
        String c = "c1";
        postEvents(key, List.of(started(c, "alice", "beta"),
                prompt("p1", c, 1, "t1", "How do I parse dates in Python?", null),
                response("g1", c, 2, "r1", "t1", "Use datetime.strptime(s, fmt).", "m1", null),
                reaction("ReactionAdded", "x1", c, 3, "r1", "alice", "LOVE"),
                reaction("ReactionAdded", "x2", c, 4, "r1", "bob", "THUMBS_UP"),
                targeted("ResponseCopied", "x3", c, 5, "r1", "alice"),
                prompt("p2", c, 10, "t2", "Thanks, exactly what I needed! Now plot it", "r1"),
                response("g2", c, 11, "r2", "t2", "plt.plot(dates)", "m1", null)));
        postEvents(key, List.of(reaction("ReactionRemoved", "x4", c, 12, "r1", "bob", "THUMBS_UP"),
                targeted("RegenerateRequested", "x5", c, 13, "r2", "alice"),
                response("g3", c, 14, "r3", "t2", "import matplotlib; plt.plot(dates)", "m2", "r2"),
                corrected("x6", c, 15, "r3", "alice", 0, 17, "import matplotlib.pyplot as plt"),
                prompt("p3", c, 20, "t3", "That is wrong, and your first answer didn't work either", "r3"),
                closed("x7", c, 30)));

        String r1Id = tenant + ":c1:r1";
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode conversation = document(aliases().conversations(), tenant + ":c1");
            return conversation != null && conversation.path("closedAt").isTextual();
        });

        JsonNode r1 = document(aliases().responses(), r1Id);
        assertThat(r1.get("promptText").asText()).isEqualTo("How do I parse dates in Python?");
        assertThat(r1.get("attributes").get("cohort").asText()).isEqualTo("beta");
        assertThat(r1.get("userId").asText()).startsWith("u_");
        assertThat(r1.get("model").asText()).isEqualTo("m1");
        assertThat(r1.get("reactionCounts").get("love").asInt()).isEqualTo(1);
        assertThat(r1.get("reactionCounts").get("thumbs_up").asInt()).isZero();
        assertThat(r1.get("loved").asBoolean()).isTrue();
        assertThat(r1.get("copied").asBoolean()).isTrue();
        assertThat(r1.get("followUp").get("kind").asText()).isEqualTo("positive");
        assertThat(r1.get("revisedBySignals")).hasSize(1);
        assertThat(r1.get("scoreComponents").get("reaction").asDouble()).isEqualTo(1.0);
        assertThat(r1.get("scoreComponents").get("hindsight").asDouble()).isNegative();

        JsonNode r2 = document(aliases().responses(), tenant + ":c1:r2");
        assertThat(r2.get("regenerated").asBoolean()).isTrue();
        assertThat(r2.get("scoreComponents").get("regenerate").asDouble()).isEqualTo(-0.6);

        JsonNode r3 = document(aliases().responses(), tenant + ":c1:r3");
        assertThat(r3.get("regenerates").asText()).isEqualTo("r2");
        assertThat(r3.get("corrections").get(0).get("original").asText()).isEqualTo("import matplotlib");
        assertThat(r3.get("followUp").get("kind").asText()).isEqualTo("negative");
        assertThat(r3.get("revisesResponses").get(0).asText()).isEqualTo("r1");

        JsonNode hindsight = document(aliases().signals(), r1.get("revisedBySignals").get(0).asText());
        assertThat(hindsight.get("kind").asText()).isEqualTo("hindsight");
        assertThat(hindsight.get("sourceEventIds").get(0).asText()).isEqualTo("p3");
        assertThat(hindsight.get("details").get("followUpResponseId").asText()).isEqualTo("r3");

        assertThat(all(aliases().signals()).values().stream()
                .filter(s -> s.get("tenant").asText().equals(tenant) && s.get("kind").asText().equals("reaction")
                        && !s.get("active").asBoolean()))
                .singleElement().satisfies(s -> assertThat(s.get("retractedByEventId").asText()).isEqualTo("x4"));
        // r1: love, thumbs up (retracted), copy, follow-up, hindsight; r2: regenerate; r3: span correction, follow-up
        assertThat(count(aliases().signals(), tenant)).isEqualTo(8);

        JsonNode conversation = document(aliases().conversations(), tenant + ":c1");
        assertThat(conversation.get("turns").asInt()).isEqualTo(3);
        assertThat(conversation.get("responseCount").asInt()).isEqualTo(3);
        assertThat(conversation.get("durationSeconds").asLong()).isEqualTo(30);
        assertThat(conversation.get("outcome").asText()).isEqualTo("closed");

        await().atMost(Duration.ofSeconds(30)).until(() ->
                meters.get("feedback.projection.lag.events").gauge().value() == 0);
    }

    @Test
    void theIndicesHaveStrictExplicitMappings() throws Exception {
        var mapping = elasticsearch.indices().getMapping(m -> m.index(aliases().responses()));
        var properties = mapping.result().values().iterator().next().mappings();
        assertThat(properties.dynamic()).hasToString("Strict");
        assertThat(properties.properties().get("followUp").object().properties().get("text").isText()).isTrue();
        assertThat(properties.properties().get("model").isKeyword()).isTrue();
        assertThat(indexAdmin.current().responses()).startsWith(aliases().responses() + "-" + IndexAdmin.MAPPING_VERSION + "-");
    }

    @Test
    void aBatchReadsAllItsDocumentsInOneRequest() throws Exception {
        String tenant = "mget-" + UUID.randomUUID().toString().substring(0, 8);
        List<Projector.TenantEvent> first = new ArrayList<>();
        List<Projector.TenantEvent> second = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            String conversation = "c" + c;
            first.add(new Projector.TenantEvent(tenant, new ConversationStarted("s" + c, conversation, T0, "u", "app",
                    "en", Map.of())));
            first.add(new Projector.TenantEvent(tenant, new PromptSubmitted("p" + c, conversation, T0, "t1", "Hi?", null)));
            first.add(new Projector.TenantEvent(tenant, new ResponseGenerated("g" + c, conversation, T0, "r1", "t1",
                    "Hello.", "m1", null, null, null, 1L, 1, 1)));
            second.add(new Projector.TenantEvent(tenant, new ReactionAdded("x" + c, conversation, T0, "r1", "u",
                    Reaction.LOVE, null)));
            second.add(new Projector.TenantEvent(tenant, new PromptSubmitted("q" + c, conversation, T0, "t2",
                    "Thanks, great!", "r1")));
        }
        // a generation of its own: these documents are not in the event store, so the shared aliases
        // (which the rebuild test compares with a replay) must not see them
        IndexSet own = indexAdmin.createGeneration();
        try {
            for (List<Projector.TenantEvent> events : List.of(first, second)) {
                ProjectionBatch batch = new ProjectionBatch(elasticsearch, own);
                projector.applyAll(events, batch);
                assertThat(batch.readRequests()).as("read requests for %d events", events.size()).isEqualTo(1);
                batch.flush();
            }
            JsonNode r = document(own.responses(), tenant + ":c19:r1");
            assertThat(r.get("reactionCounts").get("love").asInt()).isEqualTo(1);
            assertThat(r.get("followUp").get("eventId").asText()).isEqualTo("q19");
        } finally {
            indexAdmin.delete(own);
        }
    }
}
