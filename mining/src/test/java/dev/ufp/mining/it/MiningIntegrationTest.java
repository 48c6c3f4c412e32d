package dev.ufp.mining.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ufp.mining.dataset.DatasetManifest;
import dev.ufp.mining.dataset.DatasetStore;
import dev.ufp.mining.dataset.FilterStep;
import dev.ufp.mining.dataset.PreferencePair;
import dev.ufp.mining.dataset.RowFilter;
import dev.ufp.mining.dataset.UnpairedLabel;
import dev.ufp.mining.jobs.AutoMining;
import dev.ufp.projections.it.ProjectionsIntegrationSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.ufp.projections.it.EventJson.prompt;
import static dev.ufp.projections.it.EventJson.reaction;
import static dev.ufp.projections.it.EventJson.response;
import static dev.ufp.projections.it.EventJson.started;
import static dev.ufp.projections.it.EventJson.targeted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Events through the real API → projections in the real Elasticsearch node → a mining job over HTTP → a dataset
 * version in the database, with pairs that point back to the events that decided them.
 */
class MiningIntegrationTest extends ProjectionsIntegrationSupport {

    @Autowired
    private DatasetStore datasets;
    @Autowired
    private AutoMining autoMining;

    @Test
    void aMiningJobTurnsRegenerationsAndReactionsIntoAVersionedDataset() throws Exception {
        String tenant = "mine-" + UUID.randomUUID().toString().substring(0, 8);
        String ingest = issueKey(tenant, "ingest", "trainer");
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String c = "c" + i;
            events.add(started(c, "user" + i, "beta"));
            events.add(prompt(c + "p1", c, 1, "t1", "How do I reverse a list in Python?", null));
            events.add(response(c + "g1", c, 2, "r1", "t1", "I cannot help with that.", "m-old", null));
            events.add(targeted("RegenerateRequested", c + "x1", c, 3, "r1", "user" + i));
            events.add(response(c + "g2", c, 4, "r2", "t1", "Use my_list.reverse() or my_list[::-1] (variant " + i
                    + ").", "m-new", "r1"));
            events.add(reaction("ReactionAdded", c + "x2", c, 5, "r2", "user" + i, "LOVE"));
        }
        postEvents(ingest, events);
        await().atMost(Duration.ofSeconds(60)).until(() -> count(aliases().responses(), tenant) == 6);
        await().atMost(Duration.ofSeconds(60)).until(() -> loved(tenant + ":c2:r2"));

        String datasetId = mine(ingest, "{\"name\":\"reverse\",\"minMargin\":0.5,\"testFraction\":0.0}");

        DatasetManifest manifest = datasets.manifest(tenant, datasetId).orElseThrow();
        assertThat(manifest.name()).isEqualTo("reverse");
        assertThat(manifest.version()).isEqualTo(1);
        assertThat(manifest.candidates()).isEqualTo(6);
        assertThat(manifest.filters()).extracting(FilterStep::name).containsExactly("min-margin", "decontamination",
                "user-reliability", "near-duplicates", "per-user-cap", "per-conversation-cap", "ensemble-noise", "length-bias");
        assertThat(manifest.ruleVersions()).containsEntry("miner", "pairs-v1");
        assertThat(manifest.detectorVersions()).isNotEmpty();
        List<PreferencePair> pairs = new ArrayList<>();
        datasets.forEachPair(datasetId, RowFilter.all(), 0, 0, row -> pairs.add(row.row()));
        assertThat(pairs).hasSize((int) manifest.pairs()).isNotEmpty();
        // every regenerated, unhelpful answer loses against the loved one
        assertThat(pairs).allSatisfy(pair -> {
            assertThat(pair.chosen().model()).isEqualTo("m-new");
            assertThat(pair.rejected().model()).isEqualTo("m-old");
            assertThat(pair.split()).isEqualTo("train");
        });
        PreferencePair sameConversation = pairs.stream().filter(p -> p.origin().equals("regeneration")).findFirst()
                .orElseThrow();
        String c = sameConversation.chosen().conversationId();
        assertThat(sameConversation.sourceEventIds()).contains(c + "x1", c + "x2");
        List<UnpairedLabel> labels = new ArrayList<>();
        datasets.forEachLabel(datasetId, RowFilter.all(), 0, 0, row -> labels.add(row.row()));
        assertThat(labels).extracting(UnpairedLabel::label).contains(true);

        String again = mine(ingest, "{\"name\":\"reverse\",\"minMargin\":0.5,\"testFraction\":0.0}");
        DatasetManifest second = datasets.manifest(tenant, again).orElseThrow();
        assertThat(again).isNotEqualTo(datasetId);
        assertThat(second.version()).isEqualTo(2);
        List<String> secondIds = new ArrayList<>();
        datasets.forEachPair(again, RowFilter.all(), 0, 0, row -> secondIds.add(row.row().pairId()));
        assertThat(secondIds).isEqualTo(pairs.stream().map(PreferencePair::pairId).toList());
        assertThat(datasets.manifest("another-tenant", datasetId)).isEmpty();

        // incremental: nothing changed → nothing mined; a new conversation → a new version with its pairs
        assertThat(autoMining.remineChanged()).noneMatch(job -> job.tenant().equals(tenant));
        String c9 = "c9";
        postEvents(ingest, List.of(started(c9, "user9", "beta"),
                prompt(c9 + "p1", c9, 1, "t1", "How do I reverse a string in Python?", null),
                response(c9 + "g1", c9, 2, "r1", "t1", "Strings cannot be reversed.", "m-old", null),
                targeted("RegenerateRequested", c9 + "x1", c9, 3, "r1", "user9"),
                response(c9 + "g2", c9, 4, "r2", "t1", "Use s[::-1].", "m-new", "r1"),
                reaction("ReactionAdded", c9 + "x2", c9, 5, "r2", "user9", "LOVE")));
        await().atMost(Duration.ofSeconds(60)).until(() -> loved(tenant + ":c9:r2"));
        List<dev.ufp.mining.jobs.MiningJob> remined = autoMining.remineChanged().stream()
                .filter(job -> job.tenant().equals(tenant)).toList();
        assertThat(remined).hasSize(1);
        await().atMost(Duration.ofSeconds(90)).until(() -> remined.get(0).snapshot().datasetId() != null);
        DatasetManifest third = datasets.manifest(tenant, remined.get(0).snapshot().datasetId()).orElseThrow();
        assertThat(third.version()).isEqualTo(3);
        assertThat(third.parameters()).isEqualTo(second.parameters());
        List<PreferencePair> thirdPairs = new ArrayList<>();
        datasets.forEachPair(third.datasetId(), RowFilter.all(), 0, 0, row -> thirdPairs.add(row.row()));
        assertThat(thirdPairs).anySatisfy(pair -> assertThat(pair.chosen().conversationId()).isEqualTo(c9));
    }

    @Test
    void badMiningRequestsAreRejectedNamingTheField() throws Exception {
        String tenant = "mine-bad-" + UUID.randomUUID().toString().substring(0, 8);
        String trainer = issueKey(tenant, "trainer");
        String analyst = issueKey(tenant, "analyst");

        MvcResult bad = start(trainer, "{\"name\":\"Bad Name\",\"testFraction\":2}");
        MvcResult forbidden = start(analyst, "{}");

        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        JsonNode problem = JSON.readTree(bad.getResponse().getContentAsString());
        assertThat(problem.toString()).contains("\"name\"", "Bad Name", "testFraction", "[0.0, 0.9]");
        assertThat(forbidden.getResponse().getStatus()).isEqualTo(403);
        assertThat(getAs(trainer, "/v1/mining/jobs/mj_nope", "application/json").getResponse().getStatus())
                .isEqualTo(404);
    }

    private boolean loved(String responseDocumentId) throws Exception {
        JsonNode response = document(aliases().responses(), responseDocumentId);
        return response != null && response.path("loved").asBoolean();
    }

    private String mine(String key, String body) throws Exception {
        MvcResult started = start(key, body);
        assertThat(started.getResponse().getStatus()).as(started.getResponse().getContentAsString()).isEqualTo(202);
        String job = JSON.readTree(started.getResponse().getContentAsString()).get("id").asText();
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            String state = getJson(key, "/v1/mining/jobs/" + job).get("state").asText();
            return state.equals("succeeded") || state.equals("failed");
        });
        JsonNode done = getJson(key, "/v1/mining/jobs/" + job);
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("succeeded");
        return done.get("datasetId").asText();
    }

    private MvcResult start(String key, String body) throws Exception {
        return mvc.perform(post("/v1/mining/jobs").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }
}
