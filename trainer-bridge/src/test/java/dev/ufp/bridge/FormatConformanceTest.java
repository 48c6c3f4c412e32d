package dev.ufp.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ufp.bridge.bench.SyntheticDatasets;
import dev.ufp.mining.dataset.DatasetManifest;
import dev.ufp.mining.dataset.PreferencePair;
import dev.ufp.mining.dataset.Turn;
import dev.ufp.mining.dataset.UnpairedLabel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every format: each JSONL row parsed, its keys and their JSON types checked exactly, values traced to the pair. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormatConformanceTest extends BridgeTestSupport {

    private static final int PAIRS = 30;
    private static final int LABELS = 12;
    private String key;
    private DatasetManifest dataset;

    @BeforeAll
    void saveDataset() throws Exception {
        key = issueKey("formats", "trainer");
        dataset = save("formats", "prefs", PAIRS, LABELS);
    }

    private List<JsonNode> rows(String query) throws Exception {
        HttpResponse<byte[]> response = get(key, "/v1/datasets/" + dataset.datasetId() + "/pairs?" + query);
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-ndjson");
        JsonNode checksum = json(get(key, "/v1/datasets/" + dataset.datasetId() + "/checksum?" + query));
        assertThat(checksum.get("sha256").asText()).isEqualTo(sha256(response.body()));
        List<JsonNode> rows = lines(response.body());
        assertThat(checksum.get("rows").asLong()).isEqualTo(rows.size());
        return rows;
    }

    private static PreferencePair pair(int i) {
        return SyntheticDatasets.pair("formats", i);
    }

    private static Set<String> keys(JsonNode row) {
        Set<String> keys = new TreeSet<>();
        row.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static String plainPrompt(List<Turn> context, String prompt) {
        StringBuilder text = new StringBuilder();
        for (Turn turn : context) {
            text.append(turn.role().equals("user") ? "User: " : "Assistant: ").append(turn.content()).append("\n\n");
        }
        return context.isEmpty() ? prompt : text + "User: " + prompt;
    }

    private static void assertMessages(JsonNode list, List<Turn> context, String prompt) {
        assertThat(list.isArray()).isTrue();
        List<Turn> expected = new ArrayList<>(context);
        expected.add(new Turn("user", prompt));
        assertThat(list).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertMessage(list.get(i), expected.get(i).role(), expected.get(i).content());
        }
    }

    private static void assertAssistant(JsonNode list, String content) {
        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(1);
        assertMessage(list.get(0), "assistant", content);
    }

    private static void assertMessage(JsonNode message, String role, String content) {
        assertThat(keys(message)).containsExactly("content", "role");
        assertThat(message.get("role").isTextual()).isTrue();
        assertThat(message.get("content").isTextual()).isTrue();
        assertThat(message.get("role").asText()).isEqualTo(role);
        assertThat(message.get("content").asText()).isEqualTo(content);
    }

    @Test
    void trlIsPromptChosenRejectedStringsWithTheContextRenderedBeforeThePrompt() throws Exception {
        List<JsonNode> rows = rows("format=trl");
        assertThat(rows).hasSize(PAIRS);
        for (int i = 0; i < PAIRS; i++) {
            JsonNode row = rows.get(i);
            assertThat(keys(row)).containsExactly("chosen", "prompt", "rejected");
            row.forEach(value -> assertThat(value.isTextual()).isTrue());
            assertThat(row.get("prompt").asText()).isEqualTo(plainPrompt(pair(i).context(), pair(i).prompt()));
            assertThat(row.get("chosen").asText()).isEqualTo(pair(i).chosen().text());
            assertThat(row.get("rejected").asText()).isEqualTo(pair(i).rejected().text());
        }
        assertThat(rows).anyMatch(r -> r.get("prompt").asText().startsWith("User: "));
    }

    @Test
    void trlConversationalIsMessageListsWithOneAssistantTurnPerCompletion() throws Exception {
        List<JsonNode> rows = rows("format=trl-conversational");
        assertThat(rows).hasSize(PAIRS);
        for (int i = 0; i < PAIRS; i++) {
            JsonNode row = rows.get(i);
            assertThat(keys(row)).containsExactly("chosen", "prompt", "rejected");
            assertMessages(row.get("prompt"), pair(i).context(), pair(i).prompt());
            assertAssistant(row.get("chosen"), pair(i).chosen().text());
            assertAssistant(row.get("rejected"), pair(i).rejected().text());
        }
    }

    @Test
    void ktoFromLabelsIsPromptCompletionAndABooleanLabel() throws Exception {
        List<JsonNode> rows = rows("format=kto");
        assertThat(rows).hasSize(LABELS);
        for (int i = 0; i < LABELS; i++) {
            UnpairedLabel label = SyntheticDatasets.label("formats", i);
            JsonNode row = rows.get(i);
            assertThat(keys(row)).containsExactly("completion", "label", "prompt");
            assertThat(row.get("prompt").isTextual()).isTrue();
            assertThat(row.get("completion").isTextual()).isTrue();
            assertThat(row.get("label").isBoolean()).isTrue();
            assertThat(row.get("prompt").asText()).isEqualTo(plainPrompt(label.context(), label.prompt()));
            assertThat(row.get("completion").asText()).isEqualTo(label.completion().text());
            assertThat(row.get("label").asBoolean()).isEqualTo(label.label());
        }
    }

    @Test
    void ktoFromPairsGivesChosenTrueThenRejectedFalseAndBothPutsLabelsFirst() throws Exception {
        List<JsonNode> fromPairs = rows("format=kto&kto-source=pairs");
        assertThat(fromPairs).hasSize(2 * PAIRS);
        for (int i = 0; i < PAIRS; i++) {
            assertThat(fromPairs.get(2 * i).get("completion").asText()).isEqualTo(pair(i).chosen().text());
            assertThat(fromPairs.get(2 * i).get("label").asBoolean()).isTrue();
            assertThat(fromPairs.get(2 * i + 1).get("completion").asText()).isEqualTo(pair(i).rejected().text());
            assertThat(fromPairs.get(2 * i + 1).get("label").asBoolean()).isFalse();
        }
        List<JsonNode> both = rows("format=kto&kto-source=both");
        assertThat(both).hasSize(LABELS + 2 * PAIRS);
        assertThat(both.subList(0, LABELS)).isEqualTo(rows("format=kto&kto-source=labels"));
        assertThat(both.subList(LABELS, both.size())).isEqualTo(fromPairs);
        both.forEach(row -> assertThat(keys(row)).containsExactly("completion", "label", "prompt"));
    }

    @Test
    void ktoWithMessagesUsesConversationalPromptAndCompletion() throws Exception {
        List<JsonNode> rows = rows("format=kto&messages=true");
        for (int i = 0; i < LABELS; i++) {
            UnpairedLabel label = SyntheticDatasets.label("formats", i);
            assertMessages(rows.get(i).get("prompt"), label.context(), label.prompt());
            assertAssistant(rows.get(i).get("completion"), label.completion().text());
            assertThat(rows.get(i).get("label").isBoolean()).isTrue();
        }
    }

    @Test
    void openrlhfDefaultsToTrlKeysAndTakesItsOwnKeysAndChatTemplateMessages() throws Exception {
        assertThat(rows("format=openrlhf")).isEqualTo(rows("format=trl"));
        List<JsonNode> custom = rows("format=openrlhf&prompt-key=context_messages&chosen-key=winner"
                + "&rejected-key=loser&messages=true");
        for (int i = 0; i < PAIRS; i++) {
            JsonNode row = custom.get(i);
            assertThat(keys(row)).containsExactly("context_messages", "loser", "winner");
            assertMessages(row.get("context_messages"), pair(i).context(), pair(i).prompt());
            assertAssistant(row.get("winner"), pair(i).chosen().text());
            assertAssistant(row.get("loser"), pair(i).rejected().text());
        }
        List<JsonNode> strings = rows("format=openrlhf&prompt-key=input&chosen-key=good&rejected-key=bad");
        assertThat(keys(strings.get(0))).containsExactly("bad", "good", "input");
        strings.get(0).forEach(value -> assertThat(value.isTextual()).isTrue());
    }

    @Test
    void rlhflowIsPromptResponsesAndRewards() throws Exception {
        List<JsonNode> rows = rows("format=rlhflow");
        for (int i = 0; i < PAIRS; i++) {
            JsonNode row = rows.get(i);
            assertThat(keys(row)).containsExactly("prompt", "responses", "rewards");
            assertThat(row.get("prompt").asText()).isEqualTo(plainPrompt(pair(i).context(), pair(i).prompt()));
            assertThat(row.get("responses")).hasSize(2);
            assertThat(row.get("responses").get(0).asText()).isEqualTo(pair(i).chosen().text());
            assertThat(row.get("responses").get(1).asText()).isEqualTo(pair(i).rejected().text());
            assertThat(row.get("rewards")).hasSize(2);
            assertThat(row.get("rewards").get(0).isNumber()).isTrue();
            assertThat(row.get("rewards").get(0).asDouble()).isEqualTo(pair(i).chosen().score());
            assertThat(row.get("rewards").get(1).asDouble()).isEqualTo(pair(i).rejected().score());
        }
    }

    @Test
    void nativeIsThePairRecordWithItsProvenance() throws Exception {
        List<JsonNode> rows = rows("format=native");
        for (int i = 0; i < PAIRS; i++) {
            JsonNode row = rows.get(i);
            PreferencePair expected = pair(i);
            PreferencePair read = new com.fasterxml.jackson.databind.ObjectMapper()
                    .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                    .treeToValue(row.deepCopy(), PreferencePair.class);
            assertThat(read).isEqualTo(expected);
            assertThat(row.get("sourceEventIds")).hasSize(expected.sourceEventIds().size());
            assertThat(row.get("chosen").get("responseId").asText()).isEqualTo(expected.chosen().responseId());
        }
    }

    @Test
    void metadataOnlyWhenAskedForAndFiltersApply() throws Exception {
        List<JsonNode> rows = rows("format=trl&meta=true");
        for (int i = 0; i < PAIRS; i++) {
            assertThat(keys(rows.get(i))).containsExactly("_cursor", "chosen", "pair_id", "prompt", "rejected",
                    "strength");
            assertThat(rows.get(i).get("pair_id").asText()).isEqualTo(pair(i).pairId());
            assertThat(rows.get(i).get("strength").isNumber()).isTrue();
        }
        List<JsonNode> test = rows("format=trl&meta=true&split=test&minStrength=0.3&model=m2"
                + "&from=2026-11-01T00:00:05Z&to=2026-11-01T00:00:25Z");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            PreferencePair p = pair(i);
            if (p.split().equals("test") && p.strength() >= 0.3 && i >= 5 && i < 25) {
                expected.add(p.pairId());
            }
        }
        assertThat(test).extracting(r -> r.get("pair_id").asText()).containsExactlyElementsOf(expected);
        assertThat(rows("format=trl&model=nobody")).isEmpty();
    }

    @Test
    void listsAndDescribesTheTenantsVersions() throws Exception {
        JsonNode list = json(get(key, "/v1/datasets"));
        List<String> ids = new ArrayList<>();
        for (Iterator<JsonNode> it = list.get("datasets").elements(); it.hasNext(); ) {
            ids.add(it.next().get("datasetId").asText());
        }
        assertThat(ids).contains(dataset.datasetId());
        JsonNode manifest = json(get(key, "/v1/datasets/" + dataset.datasetId()));
        assertThat(manifest.get("pairs").asLong()).isEqualTo(PAIRS);
        assertThat(manifest.get("labels").asLong()).isEqualTo(LABELS);
        assertThat(manifest.get("tenant").asText()).isEqualTo("formats");
        assertThat(manifest.get("createdAt").isTextual()).isTrue();
    }
}
