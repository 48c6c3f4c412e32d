package dev.ufp.projections.it;

import co.elastic.clients.elasticsearch.indices.CreateIndexRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ufp.projections.elastic.IndexSet;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.ufp.projections.it.EventJson.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Elasticsearch refuses one conversation's documents for good (its responses index lacks the {@code regenerates}
 * field under a strict mapping, the way a mapping mistake or an oversized field is refused: a 4xx item error). That
 * conversation goes to the dead-letter queue with its reason; every other conversation, of its tenant and of
 * another, is projected; once the mapping is fixed, a retry projects it exactly once; an evicted one never is.
 * Its own context (event store and indices): it rewires the aliases.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:dead-letter-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "feedback.projections.index-prefix=dlq-it-"})
class DeadLetterIntegrationTest extends ProjectionsIntegrationSupport {

    private static final String PROCESSOR = "feedback-projections";

    @Autowired
    MeterRegistry meters;

    @Test
    void aRefusedConversationIsParkedWhileOthersGoOnAndARetryAfterTheFixProjectsItOnce() throws Exception {
        String crippled = responsesIndexWithout("regenerates");
        String a = "dlq-a-" + UUID.randomUUID().toString().substring(0, 6);
        String b = "dlq-b-" + UUID.randomUUID().toString().substring(0, 6);
        String keyA = issueKey(a, "ingest");
        String keyB = issueKey(b, "ingest");

        postEvents(keyA, poisoned("c1"));
        postEvents(keyA, poisoned("c3"));
        postEvents(keyA, plain("c2"));
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            others.addAll(plain("b" + i));
        }
        postEvents(keyB, others);

        await().atMost(Duration.ofSeconds(90)).until(() -> count(aliases().responses(), b) == 20
                && document(aliases().responses(), a + ":c2:r1") != null);
        await().atMost(Duration.ofSeconds(60)).until(() -> sequences(ADMIN_KEY).size() == 2);
        JsonNode parked = sequences(ADMIN_KEY).get(0);
        assertThat(parked.get("sequence").asText()).isIn(a + ":c1", a + ":c3");
        assertThat(parked.get("tenant").asText()).isEqualTo(a);
        assertThat(parked.get("reason").asText()).contains("strict_dynamic_mapping_exception").contains("regenerates");
        // the refused response and the reaction after it wait, at least
        assertThat(parked.get("letters").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(document(aliases().responses(), a + ":c1:r2")).isNull();
        assertThat(meters.get("feedback.dead.letters.sequences").tag("processor", PROCESSOR).gauge().value())
                .isEqualTo(2.0);

        // a tenant's admin sees and touches only its own tenant's letters
        String adminB = issueKey(b, "admin");
        assertThat(sequences(adminB)).isEmpty();
        assertThat(mvc.perform(post("/v1/admin/dead-letters/" + PROCESSOR + "/retry").param("sequence", a + ":c1")
                .header("Authorization", "Bearer " + adminB)).andReturn().getResponse().getStatus()).isEqualTo(404);
        // the processor goes on with new events meanwhile
        postEvents(keyB, plain("late"));
        await().atMost(Duration.ofSeconds(60)).until(() -> document(aliases().responses(), b + ":late:r1") != null);

        elasticsearch.indices().putMapping(m -> m.index(crippled).properties("regenerates", p -> p.keyword(k -> k)));
        JsonNode retried = adminJson(post("/v1/admin/dead-letters/" + PROCESSOR + "/retry")
                .param("sequence", a + ":c1"));
        assertThat(retried.get("tried").asInt()).isEqualTo(1);
        assertThat(retried.get("succeeded").asInt()).isEqualTo(1);
        assertThat(retried.get("remaining").asLong()).isEqualTo(1);

        JsonNode regenerated = document(aliases().responses(), a + ":c1:r2");
        assertThat(regenerated).isNotNull();
        assertThat(regenerated.get("regenerates").asText()).isEqualTo("r1");
        assertThat(regenerated.get("reactionTotal").asInt()).isEqualTo(1);
        assertThat(document(aliases().responses(), a + ":c1:r1").get("regenerated").asBoolean()).isTrue();
        assertThat(signals(a, "c1", "reaction")).isEqualTo(1);
        assertThat(signals(a, "c1", "regenerate")).isEqualTo(signals(a, "c2", "regenerate"));

        JsonNode evicted = adminJson(delete("/v1/admin/dead-letters/" + PROCESSOR).param("sequence", a + ":c3"));
        assertThat(evicted.get("evicted").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(sequences(ADMIN_KEY)).isEmpty();
        assertThat(document(aliases().responses(), a + ":c3:r2")).isNull();
        assertThat(meters.get("feedback.dead.letters").tag("processor", PROCESSOR).gauge().value()).isZero();
    }

    /** A conversation whose second response regenerates the first, then is loved. */
    private static List<String> poisoned(String c) {
        return List.of(started(c, "alice", "beta"), prompt(c + "-p1", c, 1, "t1", "Hi", null),
                response(c + "-g1", c, 2, "r1", "t1", "Hello!", "m1", null),
                targeted("RegenerateRequested", c + "-regen", c, 3, "r1", "alice"),
                response(c + "-g2", c, 4, "r2", "t1", "Hello there!", "m1", "r1"),
                reaction("ReactionAdded", c + "-love", c, 5, "r2", "alice", "LOVE"));
    }

    private static List<String> plain(String c) {
        return List.of(started(c, "bob", "beta"), prompt(c + "-p1", c, 1, "t1", "Hi", null),
                response(c + "-g1", c, 2, "r1", "t1", "Hello!", "m1", null),
                targeted("RegenerateRequested", c + "-regen", c, 3, "r1", "bob"));
    }

    private long signals(String tenant, String conversation, String kind) throws Exception {
        elasticsearch.indices().refresh(r -> r.index(aliases().signals()));
        return elasticsearch.count(c -> c.index(aliases().signals()).query(q -> q.bool(bq -> bq
                .filter(f -> f.term(t -> t.field("tenant").value(tenant)))
                .filter(f -> f.term(t -> t.field("conversationId").value(conversation)))
                .filter(f -> f.term(t -> t.field("kind").value(kind)))))).count();
    }

    private List<JsonNode> sequences(String key) throws Exception {
        JsonNode body = getJson(key, "/v1/admin/dead-letters");
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode processor : body.get("processors")) {
            if (processor.get("processor").asText().equals(PROCESSOR)) {
                processor.get("items").forEach(items::add);
            }
        }
        return items;
    }

    private JsonNode adminJson(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        MvcResult result = mvc.perform(request.header("Authorization", "Bearer " + ADMIN_KEY)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    /**
     * Points the aliases at a fresh generation whose responses index has the platform's mapping less one field;
     * returns that index.
     */
    private String responsesIndexWithout(String field) throws Exception {
        indexAdmin.ensure();
        IndexSet current = indexAdmin.current();
        IndexSet fresh = indexAdmin.createGeneration();
        elasticsearch.indices().delete(d -> d.index(fresh.responses()));
        ObjectNode body = (ObjectNode) JSON.readTree(new ClassPathResource("elasticsearch/feedback-responses.json")
                .getContentAsString(StandardCharsets.UTF_8));
        ((ObjectNode) body.get("mappings").get("properties")).remove(field);
        String crippled = aliases().responses() + "-crippled";
        elasticsearch.indices().create(CreateIndexRequest.of(c -> c.index(crippled)
                .withJson(new StringReader(body.toString()))));
        indexAdmin.swap(current, new IndexSet(crippled, fresh.signals(), fresh.conversations()));
        return crippled;
    }
}
