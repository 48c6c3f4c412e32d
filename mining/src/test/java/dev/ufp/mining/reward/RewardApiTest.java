package dev.ufp.mining.reward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.mining.MiningTestApplication;
import dev.ufp.mining.dataset.DatasetManifest;
import dev.ufp.mining.dataset.DatasetStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The reward API, registry and training pipeline in the platform's Spring context with H2 in memory and the real
 * MiniLM encoder. No Elasticsearch is needed: nothing here reads projections (love training scans them, and is
 * covered by the trainer tests; pairwise training reads a dataset version from the database).
 */
@SpringBootTest(classes = MiningTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:reward-api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "feedback.admin-key=" + RewardApiTest.ADMIN_KEY,
        "feedback.kafka.enabled=false",
        "feedback.home=target/reward-api-test-home",
        "feedback.elasticsearch.url=http://127.0.0.1:9",
        "feedback.projections.follow-up-classifier=lexical",
        "feedback.projections.abandonment-sweep-interval=1h"})
@AutoConfigureMockMvc
class RewardApiTest {

    static final String ADMIN_KEY = "reward-test-admin-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    ModelRegistry registry;
    @Autowired
    RewardTraining training;
    @Autowired
    DatasetStore datasets;
    @Autowired
    FeatureEncoder features;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ObjectMapper mapper;

    private String key(String tenant, String... roles) throws Exception {
        MvcResult result = mvc.perform(post("/v1/admin/keys").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("tenant", tenant, "roles", List.of(roles))))).andReturn();
        return JSON.readTree(result.getResponse().getContentAsString()).get("key").asText();
    }

    private MvcResult postJson(String key, String path, Object body) throws Exception {
        var request = post(path).contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String s ? s : JSON.writeValueAsString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return mvc.perform(request).andReturn();
    }

    private static JsonNode json(MvcResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    private static Map<String, Object> oneItem(String response) {
        return Map.of("items", List.of(Map.of("prompt", "How do I paint a room?", "response", response)));
    }

    @Test
    void scoringNeedsAKeyAndARole() throws Exception {
        assertThat(postJson(null, "/v1/reward/score", oneItem("x")).getResponse().getStatus()).isEqualTo(401);
        String ingest = key("rw-auth", "ingest");
        MvcResult forbidden = postJson(ingest, "/v1/reward/score", oneItem("x"));
        assertThat(forbidden.getResponse().getStatus()).isEqualTo(403);
        assertThat(forbidden.getResponse().getContentType()).contains("application/problem+json");
        assertThat(postJson(ingest, "/v1/reward/models", Map.of()).getResponse().getStatus()).isEqualTo(403);
        String analyst = key("rw-auth", "analyst");
        assertThat(postJson(analyst, "/v1/reward/models", Map.of()).getResponse().getStatus())
                .as("training needs the trainer role").isEqualTo(403);
        MvcResult none = postJson(analyst, "/v1/reward/score", oneItem("x"));
        assertThat(none.getResponse().getStatus()).as("no model yet").isEqualTo(404);
        assertThat(json(none).get("detail").asText()).contains("has no reward model");
    }

    @Test
    void everyJsonBodyHasALimitCheckedBeforeItIsParsed() throws Exception {
        String trainer = key("rw-limits", "trainer");
        String padded = "{\"name\":\"" + "x".repeat(70_000) + "\"}";
        for (String path : List.of("/v1/mining/jobs", "/v1/reward/models")) {
            MvcResult refused = postJson(trainer, path, padded);
            assertThat(refused.getResponse().getStatus()).as(path).isEqualTo(413);
            assertThat(json(refused).get("errors").get(0).get("limit").asText()).isEqualTo("at most 65536 bytes");
        }
        String huge = "{\"items\":[{\"prompt\":\"p\",\"response\":\"" + "x".repeat(16 * 1024 * 1024) + "\"}]}";
        MvcResult score = postJson(trainer, "/v1/reward/score", huge);
        assertThat(score.getResponse().getStatus()).isEqualTo(413);
        assertThat(json(score).get("errors").get(0).get("limit").asText()).isEqualTo("at most 16777216 bytes");
    }

    @Test
    void badInputIsA4xxProblemNamingTheFieldAndTheLimit() throws Exception {
        String key = key("rw-bad", "trainer");
        JsonNode missing = json(postJson(key, "/v1/reward/score", Map.of("items", List.of())));
        assertThat(missing.get("status").asInt()).isEqualTo(400);
        assertThat(missing.get("errors").get(0).get("field").asText()).isEqualTo("items");

        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i <= RewardRequests.MAX_ITEMS; i++) {
            many.add(Map.of("prompt", "p", "response", "r"));
        }
        MvcResult tooMany = postJson(key, "/v1/reward/score", Map.of("items", many));
        assertThat(tooMany.getResponse().getStatus()).isEqualTo(413);
        assertThat(json(tooMany).get("errors").get(0).get("limit").asText()).isEqualTo("256");

        MvcResult tooLong = postJson(key, "/v1/reward/score", Map.of("items", List.of(
                Map.of("prompt", "p", "response", "r"),
                Map.of("prompt", "p", "response", "x".repeat(RewardRequests.MAX_TEXT + 1)))));
        JsonNode error = json(tooLong).get("errors").get(0);
        assertThat(tooLong.getResponse().getStatus()).isEqualTo(400);
        assertThat(error.get("field").asText()).isEqualTo("items[1].response");
        assertThat(error.get("limit").asText()).contains("20000");

        JsonNode role = json(postJson(key, "/v1/reward/score", Map.of("items", List.of(Map.of("prompt", "p",
                "response", "r", "context", List.of(Map.of("role", "system", "content", "c")))))));
        assertThat(role.get("errors").get(0).get("field").asText()).isEqualTo("items[0].context[0].role");

        JsonNode mode = json(postJson(key, "/v1/reward/score", Map.of("score", "max", "items",
                List.of(Map.of("prompt", "p", "response", "r")))));
        assertThat(mode.get("errors").get(0).get("field").asText()).isEqualTo("score");
        assertThat(mode.get("errors").get(0).get("limit").asText()).contains("worst-case");

        assertThat(postJson(key, "/v1/reward/score", "{not json").getResponse().getStatus()).isEqualTo(400);
        JsonNode heads = json(postJson(key, "/v1/reward/models", Map.of("heads", 99)));
        assertThat(heads.get("errors").get(0).get("field").asText()).isEqualTo("heads");
        JsonNode pairwise = json(postJson(key, "/v1/reward/models", Map.of("objective", "pairwise")));
        assertThat(pairwise.get("errors").get(0).get("field").asText()).isEqualTo("dataset");
        assertThat(postJson(key, "/v1/reward/models", Map.of("objective", "pairwise", "dataset", "ds_nope"))
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/v1/reward/jobs/job_nope").header("Authorization", "Bearer " + key))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aModelTrainedOnMiniLmFeaturesRoundTripsThroughTheRegistryAndTheApi() throws Exception {
        String tenant = "rw-love";
        TrainingConfig config = new TrainingConfig(TrainingConfig.Objective.LOVE, 3, 15, 32, 3e-3, 32, 0.1, 3, 0,
                TrainingConfig.LabelMode.EVIDENCE, 0.3);
        RewardModelVersion saved = training.trainOn(tenant, config, TinyCorpus.responses(60), List.of(),
                "tiny corpus", Progress.NONE);
        EvaluationReport report = saved.metrics();
        System.out.println("tiny MiniLM corpus report: " + JSON.writeValueAsString(report));
        assertThat(report.heldOutExamples()).isPositive();
        assertThat(report.rocAuc()).isGreaterThan(0.9);
        assertThat(report.reliability()).hasSize(10);
        assertThat(registry.latest(tenant)).get().extracting(RewardModelVersion::modelId).isEqualTo(saved.modelId());

        List<RewardInput> inputs = List.of(new RewardInput(TinyCorpus.prompt(3), List.of(), TinyCorpus.helpful(3)),
                new RewardInput(TinyCorpus.prompt(3), List.of(), TinyCorpus.curt(3)));
        float[][] x = features.encode(inputs);
        double[][] direct;
        try (RewardEnsemble loaded = registry.load(tenant, saved.modelId()).orElseThrow()) {
            direct = loaded.headProbabilities(x);
            assertThat(loaded.descriptor().heads()).isEqualTo(3);
        }
        assertThat(direct[0][0]).isGreaterThan(direct[1][0]);

        String key = key(tenant, "analyst");
        MvcResult scored = postJson(key, "/v1/reward/score", Map.of("score", "worst-case", "items", List.of(
                Map.of("prompt", TinyCorpus.prompt(3), "response", TinyCorpus.helpful(3)),
                Map.of("prompt", TinyCorpus.prompt(3), "response", TinyCorpus.curt(3),
                        "context", List.of(Map.of("role", "user", "content", "hello"))))));
        assertThat(scored.getResponse().getStatus()).isEqualTo(200);
        JsonNode body = json(scored);
        assertThat(body.get("model").asText()).isEqualTo(saved.modelId());
        JsonNode first = body.get("scores").get(0);
        assertThat(first.get("heads").get(0).asDouble()).isCloseTo(direct[0][0], org.assertj.core.data.Offset.offset(1e-6));
        assertThat(first.get("pLove").asDouble()).isLessThanOrEqualTo(first.get("mean").asDouble());
        assertThat(first.get("spread").asDouble()).isPositive();

        JsonNode listed = JSON.readTree(mvc.perform(get("/v1/reward/models").header("Authorization", "Bearer " + key))
                .andReturn().getResponse().getContentAsString());
        assertThat(listed.get("models").get(0).get("metrics").get("rocAuc").asDouble()).isGreaterThan(0.9);
        String trainer = key(tenant, "trainer");
        MvcResult artifact = mvc.perform(get("/v1/reward/models/" + saved.modelId() + "/artifact")
                .header("Authorization", "Bearer " + trainer)).andReturn();
        assertThat(artifact.getResponse().getContentType()).isEqualTo("application/zip");
        assertThat(artifact.getResponse().getContentAsByteArray()).hasSize((int) saved.artifactSize());
        assertThat(mvc.perform(get("/v1/reward/models/" + saved.modelId()).header("Authorization",
                "Bearer " + key(tenant + "-other", "analyst"))).andReturn().getResponse().getStatus())
                .as("another tenant's model is not found").isEqualTo(404);
        assertThat(Path.of("target/reward-api-test-home/reward/work")).isEmptyDirectory();
    }

    @Test
    void theRegistryGivesBackAnEnsembleThatScoresExactlyAsTheTrainedOne(@org.junit.jupiter.api.io.TempDir Path work) {
        Synthetic data = new Synthetic(300, 768, 12);
        TrainingConfig config = new TrainingConfig(TrainingConfig.Objective.LOVE, 3, 2, 64, 3e-3, 16, 0.0, 8, 0,
                TrainingConfig.LabelMode.EVIDENCE, 0.2);
        double[][] before;
        EvaluationReport report;
        try (RewardEnsemble trained = new RewardTrainer(config, ModelDescriptor.MINILM, FeatureOptions.defaults())
                .trainLove(data.x, data.y, work, Progress.NONE)) {
            before = trained.headProbabilities(data.x);
            report = Evaluator.evaluate(trained, config, 300, 60, new Evaluator.Labeled(data.x, data.labels(),
                    new int[300]), Evaluator.Pairs.empty());
        }
        RewardModelVersion first = registry.save("rw-registry", "synthetic", report, config, work);
        RewardModelVersion second = registry.save("rw-registry", "synthetic again", report, config, work);
        assertThat(second.version()).isEqualTo(first.version() + 1);
        assertThat(registry.latest("rw-registry")).contains(second);
        assertThat(registry.list("rw-registry")).containsExactly(second, first);
        assertThat(registry.get("rw-registry", first.modelId())).contains(first);
        assertThat(registry.get("another-tenant", first.modelId())).isEmpty();
        assertThat(first.metrics()).isEqualTo(report);
        assertThat(first.parameters()).isEqualTo(config);
        try (RewardEnsemble loaded = registry.load("rw-registry", first.modelId()).orElseThrow()) {
            assertThat(loaded.headProbabilities(data.x)).isDeepEqualTo(before);
        }
    }

    @Test
    void aScorerKeepingOneModelClosesTheModelItEvicts(@org.junit.jupiter.api.io.TempDir Path work) {
        Synthetic data = new Synthetic(300, features.dimension(), 12);
        TrainingConfig config = new TrainingConfig(TrainingConfig.Objective.LOVE, 2, 2, 64, 3e-3, 16, 0.0, 8, 0,
                TrainingConfig.LabelMode.EVIDENCE, 0.2);
        EvaluationReport report;
        try (RewardEnsemble trained = new RewardTrainer(config, ModelDescriptor.MINILM, FeatureOptions.defaults())
                .trainLove(data.x, data.y, work, Progress.NONE)) {
            report = Evaluator.evaluate(trained, config, 300, 60, new Evaluator.Labeled(data.x, data.labels(),
                    new int[300]), Evaluator.Pairs.empty());
        }
        String tenant = "rw-evict";
        String a = registry.save(tenant, "a", report, config, work).modelId();
        String b = registry.save(tenant, "b", report, config, work).modelId();
        List<RewardEnsemble> opened = new CopyOnWriteArrayList<>();
        ModelRegistry recording = new ModelRegistry(jdbc, transactions, mapper) {
            @Override
            public Optional<RewardEnsemble> load(String t, String id) {
                Optional<RewardEnsemble> loaded = super.load(t, id);
                loaded.ifPresent(opened::add);
                return loaded;
            }
        };
        RewardScorer scorer = new RewardScorer(recording, features, 1.0, Duration.ofSeconds(30), 1);
        List<RewardInput> inputs = List.of(new RewardInput(TinyCorpus.prompt(1), List.of(), TinyCorpus.helpful(1)));

        List<EnsembleScore> withA = scorer.score(tenant, a, inputs, ScoreMode.MEAN).orElseThrow().scores();
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).closed()).as("a is cached, not closed").isFalse();
        scorer.score(tenant, b, inputs, ScoreMode.MEAN).orElseThrow();
        assertThat(opened.get(0).closed()).as("a, evicted by b from a cache of one, is closed").isTrue();
        assertThat(opened.get(1).closed()).isFalse();
        assertThat(scorer.score(tenant, a, inputs, ScoreMode.MEAN).orElseThrow().scores())
                .as("a is loaded again and scores as before").isEqualTo(withA);
        assertThat(opened).hasSize(3);
        assertThat(opened.get(1).closed()).as("b evicted in turn").isTrue();
        scorer.close();
        assertThat(opened.get(2).closed()).isTrue();
    }

    @Test
    void aPairwiseTrainingJobRunsInTheBackgroundAndRegistersAModel() throws Exception {
        String tenant = "rw-pairs";
        DatasetManifest manifest = datasets.save(new DatasetManifest(null, tenant, "tiny", 0, null, Map.of(),
                Map.of(), Map.of(), 60, 60, 0, List.of(), Map.of(), Map.of(), Map.of()),
                TinyCorpus.pairs(tenant, 60), List.of());
        String key = key(tenant, "trainer");
        MvcResult accepted = postJson(key, "/v1/reward/models", Map.of("objective", "pairwise", "dataset",
                manifest.datasetId(), "heads", 2, "epochs", 10, "seed", 5));
        assertThat(accepted.getResponse().getStatus()).isEqualTo(202);
        String job = json(accepted).get("id").asText();
        assertThat(accepted.getResponse().getHeader("Location")).isEqualTo("/v1/reward/jobs/" + job);
        JsonNode[] done = new JsonNode[1];
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            done[0] = JSON.readTree(mvc.perform(get("/v1/reward/jobs/" + job).header("Authorization", "Bearer " + key))
                    .andReturn().getResponse().getContentAsString());
            return !done[0].get("state").asText().matches("queued|running");
        });
        System.out.println("pairwise job: " + done[0]);
        assertThat(done[0].get("state").asText()).isEqualTo("succeeded");
        RewardModelVersion model = registry.get(tenant, done[0].get("model").asText()).orElseThrow();
        assertThat(model.objective()).isEqualTo("pairwise");
        assertThat(model.metrics().heldOutPairs()).isPositive();
        assertThat(model.metrics().pairwiseAccuracy()).isGreaterThan(0.9);
        assertThat(model.trainingSet()).contains(manifest.datasetId());
    }
}
