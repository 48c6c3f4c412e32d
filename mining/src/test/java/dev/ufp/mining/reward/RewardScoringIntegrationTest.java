package dev.ufp.mining.reward;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.ufp.ingestion.deadletter.DeadLetters;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ufp.launchers.ElasticsearchNode;
import dev.ufp.mining.MiningTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The {@code reward-scoring} processor against a real Elasticsearch node (started here on free ports): a response
 * of a tenant with a model gets {@code pLove} (also through an index mapped before these fields existed), later
 * projector writes keep it, a tenant without a model gets none; a response whose projection is parked in the
 * projection's dead-letter queue is parked here too, and scored once both are retried.
 */
@SpringBootTest(classes = MiningTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:reward-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "feedback.admin-key=" + RewardScoringIntegrationTest.ADMIN_KEY,
        "feedback.kafka.enabled=false",
        "feedback.home=target/reward-it-home",
        "feedback.projections.index-prefix=rw-it-",
        "feedback.projections.follow-up-classifier=lexical",
        "feedback.projections.abandonment-sweep-interval=1h",
        "feedback.projections.signals.abandonment-window=3650d",
        "feedback.reward.latest-model-ttl=0s"})
@AutoConfigureMockMvc
class RewardScoringIntegrationTest {

    static final String ADMIN_KEY = "reward-it-admin-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ElasticsearchNode.Settings settings;

    @Autowired
    MockMvc mvc;
    @Autowired
    RewardTraining training;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    DeadLetters deadLetters;

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) throws IOException {
        settings = ElasticsearchNode.Settings.onFreePorts(Files.createTempDirectory("ufp-es-reward").resolve("node"));
        String url = ElasticsearchNode.start(settings).url();
        registry.add("feedback.elasticsearch.url", () -> url);
    }

    @AfterAll
    static void stopElasticsearch() {
        if (settings != null) {
            ElasticsearchNode.stop(settings.home());
        }
    }

    @Test
    void newResponsesOfATenantWithAModelGetPLove() throws Exception {
        behindTheAliasAnIndexMappedBeforeThePLoveFields();
        training.trainOn("rw-scored", new TrainingConfig(TrainingConfig.Objective.LOVE, 2, 8, 32, 3e-3, 32, 0.0, 1,
                0, TrainingConfig.LabelMode.EVIDENCE, 0.2), TinyCorpus.responses(30), List.of(), "tiny corpus",
                Progress.NONE);
        String scored = key("rw-scored");
        String unscored = key("rw-unscored");
        postEvents(scored, conversation("c1", TinyCorpus.prompt(4), TinyCorpus.helpful(4)));
        postEvents(scored, conversation("c2", TinyCorpus.prompt(5), TinyCorpus.curt(5)));
        postEvents(unscored, conversation("c3", TinyCorpus.prompt(4), TinyCorpus.helpful(4)));

        JsonNode[] helpful = new JsonNode[1];
        JsonNode[] curt = new JsonNode[1];
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> {
            helpful[0] = document("rw-scored:c1:r1");
            curt[0] = document("rw-scored:c2:r1");
            return helpful[0] != null && helpful[0].has("pLove") && curt[0] != null && curt[0].has("pLove");
        });
        System.out.printf("pLove helpful %.4f, curt %.4f%n", helpful[0].get("pLove").asDouble(),
                curt[0].get("pLove").asDouble());
        assertThat(helpful[0].get("pLove").asDouble()).isGreaterThan(curt[0].get("pLove").asDouble());
        assertThat(helpful[0].get("pLoveModel").asText()).startsWith("rm_");
        assertThat(helpful[0].get("pLoveSpread").asDouble()).isGreaterThanOrEqualTo(0);

        // the projector's next whole-document write carries the fields through
        postEvents(scored, List.of("""
                {"eventId":"c1-love","type":"ReactionAdded","conversationId":"c1","occurredAt":"%s",\
                "responseId":"r1","userId":"u1","reaction":"LOVE"}""".formatted(at(30))));
        await().atMost(Duration.ofSeconds(60)).until(() -> document("rw-scored:c1:r1").get("loved").asBoolean());
        assertThat(document("rw-scored:c1:r1").get("pLove").asDouble())
                .isEqualTo(helpful[0].get("pLove").asDouble());

        await().atMost(Duration.ofSeconds(60)).until(() -> document("rw-unscored:c3:r1") != null);
        await("no model, no score").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> !document("rw-unscored:c3:r1").has("pLove"));
    }

    @Test
    void aResponseWhoseProjectionIsParkedIsParkedHereTooAndScoredOnceBothAreRetried() throws Exception {
        String crippled = behindTheAliasAnIndexWithout("regenerates");
        training.trainOn("rw-parked", new TrainingConfig(TrainingConfig.Objective.LOVE, 2, 8, 32, 3e-3, 32, 0.0, 1,
                0, TrainingConfig.LabelMode.EVIDENCE, 0.2), TinyCorpus.responses(30), List.of(), "tiny corpus",
                Progress.NONE);
        String key = key("rw-parked");
        List<String> regenerated = new ArrayList<>(conversation("c9", TinyCorpus.prompt(4), TinyCorpus.helpful(4)));
        regenerated.add("""
                {"eventId":"c9-r2","type":"ResponseGenerated","conversationId":"c9","occurredAt":"%s",\
                "responseId":"r2","turnId":"t1","text":"%s","model":"m","regenerates":"r1"}"""
                .formatted(at(3), TinyCorpus.helpful(5)));
        postEvents(key, regenerated);
        postEvents(key, conversation("c8", TinyCorpus.prompt(5), TinyCorpus.curt(5)));

        await().atMost(Duration.ofMinutes(2)).until(() -> document("rw-parked:c8:r1") != null
                && document("rw-parked:c8:r1").has("pLove"));
        await().atMost(Duration.ofMinutes(2)).until(() -> deadLetters.contains("feedback-projections", "rw-parked:c9")
                && deadLetters.contains("reward-scoring", "rw-parked:c9"));
        assertThat(deadLetters.list("reward-scoring", "rw-parked", 10)).singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("feedback-projections"));

        elasticsearch.indices().putMapping(m -> m.index(crippled).properties("regenerates", p -> p.keyword(k -> k)));
        assertThat(deadLetters.retry("feedback-projections", "rw-parked", null).succeeded()).isEqualTo(1);
        assertThat(deadLetters.retry("reward-scoring", "rw-parked", null).succeeded()).isEqualTo(1);
        assertThat(document("rw-parked:c9:r2").get("pLove").asDouble()).isBetween(0.0, 1.0);
        assertThat(document("rw-parked:c9:r1").get("pLove").asDouble()).isBetween(0.0, 1.0);
    }

    /** A responses index that refuses documents carrying {@code field}, behind the alias. */
    private String behindTheAliasAnIndexWithout(String field) throws IOException {
        ObjectNode body;
        try (var in = getClass().getResourceAsStream("/elasticsearch/feedback-responses.json")) {
            body = (ObjectNode) JSON.readTree(in);
        }
        ((ObjectNode) body.get("mappings").get("properties")).remove(field);
        String index = "rw-it-feedback-responses-without-" + field.toLowerCase();
        elasticsearch.indices().create(c -> c.index(index).withJson(new StringReader(body.toString())));
        pointTheAliasAt(index);
        return index;
    }

    private void pointTheAliasAt(String index) throws IOException {
        String alias = "rw-it-feedback-responses";
        var current = elasticsearch.indices().getAlias(a -> a.name(alias)).result().keySet().iterator().next();
        elasticsearch.indices().updateAliases(u -> u
                .actions(a -> a.remove(r -> r.index(current).alias(alias)))
                .actions(a -> a.add(r -> r.index(index).alias(alias).isWriteIndex(true))));
    }

    /** As in a deployment older than the reward model: the strict mapping lacks the three fields. */
    private void behindTheAliasAnIndexMappedBeforeThePLoveFields() throws IOException {
        ObjectNode body;
        try (var in = getClass().getResourceAsStream("/elasticsearch/feedback-responses.json")) {
            body = (ObjectNode) JSON.readTree(in);
        }
        ObjectNode properties = (ObjectNode) body.get("mappings").get("properties");
        assertThat(properties.has("pLove")).isTrue();
        properties.remove(List.of("pLove", "pLoveSpread", "pLoveModel"));
        String old = "rw-it-feedback-responses-before-reward";
        elasticsearch.indices().create(c -> c.index(old).withJson(new StringReader(body.toString())));
        pointTheAliasAt(old);
    }

    private static List<String> conversation(String c, String prompt, String response) {
        return List.of("""
                        {"eventId":"%s-start","type":"ConversationStarted","conversationId":"%s","occurredAt":"%s",\
                        "userId":"u1"}""".formatted(c, c, at(0)),
                """
                        {"eventId":"%s-p","type":"PromptSubmitted","conversationId":"%s","occurredAt":"%s",\
                        "turnId":"t1","text":"%s"}""".formatted(c, c, at(1), prompt),
                """
                        {"eventId":"%s-r","type":"ResponseGenerated","conversationId":"%s","occurredAt":"%s",\
                        "responseId":"r1","turnId":"t1","text":"%s","model":"m"}""".formatted(c, c, at(2), response));
    }

    private static String at(int seconds) {
        return Instant.parse("2026-11-29T10:00:00Z").plusSeconds(seconds).toString();
    }

    private JsonNode document(String id) throws IOException {
        var got = elasticsearch.get(g -> g.index("rw-it-feedback-responses").id(id), JsonNode.class);
        return got.found() ? got.source() : null;
    }

    private String key(String tenant) throws Exception {
        MvcResult result = mvc.perform(post("/v1/admin/keys").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("tenant", tenant, "roles", List.of("ingest"))))).andReturn();
        return JSON.readTree(result.getResponse().getContentAsString()).get("key").asText();
    }

    private void postEvents(String key, List<String> events) throws Exception {
        MvcResult result = mvc.perform(post("/v1/events").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content("{\"events\":[" + String.join(",", events) + "]}"))
                .andReturn();
        assertThat(JSON.readTree(result.getResponse().getContentAsString()).get("accepted").asInt())
                .as(result.getResponse().getContentAsString()).isEqualTo(events.size());
    }
}
