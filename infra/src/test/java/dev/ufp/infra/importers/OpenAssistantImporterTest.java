package dev.ufp.infra.importers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ufp.infra.client.BatchSender;
import dev.ufp.infra.simulator.GroundTruth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenAssistantImporterTest {

    @TempDir
    Path dir;

    private static final String P1 = "{\"message_id\":\"p1\",\"parent_id\":null,\"user_id\":\"alice\","
            + "\"created_date\":\"2023-02-07T17:29:24.727400+00:00\",\"role\":\"prompter\",\"text\":\"How do I sort?\","
            + "\"rank\":null,\"emojis\":{\"name\":[\"+1\"],\"count\":[2]},\"message_tree_id\":\"p1\",\"deleted\":false}";
    private static final String A1 = "{\"message_id\":\"a1\",\"parent_id\":\"p1\",\"user_id\":\"bob\",\"role\":\"assistant\","
            + "\"text\":\"Use sorted().\",\"rank\":0,\"emojis\":{\"name\":[\"+1\",\"-1\",\"_skip_reply\",\"red_flag\"],"
            + "\"count\":[3,1,2,1]},\"message_tree_id\":\"p1\",\"deleted\":false,\"synthetic\":false}";
    private static final String A2 = "{\"message_id\":\"a2\",\"parent_id\":\"p1\",\"role\":\"assistant\","
            + "\"text\":\"No idea.\",\"rank\":1,\"emojis\":{\"name\":[\"-1\"],\"count\":[2]},\"message_tree_id\":\"p1\"}";
    private static final String A3 = "{\"message_id\":\"a3\",\"parent_id\":\"p1\",\"role\":\"assistant\","
            + "\"text\":\"spam\",\"rank\":null,\"deleted\":true,\"message_tree_id\":\"p1\"}";
    private static final String P2 = "{\"message_id\":\"p2\",\"parent_id\":\"a1\",\"role\":\"prompter\","
            + "\"text\":\"Thanks! And in reverse?\",\"message_tree_id\":\"p1\"}";
    private static final String A4 = "{\"message_id\":\"a4\",\"parent_id\":\"p2\",\"role\":\"assistant\","
            + "\"text\":\"Pass reverse=True.\",\"message_tree_id\":\"p1\"}";

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private static Map<String, BatchSender.Unit> byId(ImportedData data) {
        return data.conversations().stream().collect(Collectors.toMap(BatchSender.Unit::conversationId, u -> u));
    }

    private static List<String> summary(BatchSender.Unit unit) {
        return unit.events().stream().map(e -> e.get("type").asText() + " " + e.get("eventId").asText()
                + (e.has("followsResponseId") ? " follows " + e.get("followsResponseId").asText() : "")
                + (e.has("regenerates") ? " regenerates" : "")
                + (e.has("reaction") ? " " + e.get("reaction").asText() + " by " + e.get("userId").asText() : ""))
                .toList();
    }

    @Test
    void flatMessagesBecomeOneConversationPerPromptWithSiblingsReactionsAndFollowUps() throws IOException {
        ImportedData data = new OpenAssistantImporter().read(write("flat.jsonl", P1, A1, A2, A3, P2, A4), "eval");
        Map<String, BatchSender.Unit> conversations = byId(data);
        assertThat(conversations).containsOnlyKeys("oasst:p1", "oasst:p2");
        assertThat(summary(conversations.get("oasst:p1"))).containsExactly(
                "ConversationStarted oasst:p1:start",
                "PromptSubmitted oasst:p1:prompt",
                "ResponseGenerated oasst:a1:response",
                "ReactionAdded oasst:a1:+1:0 THUMBS_UP by oasst-reviewer-0",
                "ReactionAdded oasst:a1:+1:1 THUMBS_UP by oasst-reviewer-1",
                "ReactionAdded oasst:a1:+1:2 THUMBS_UP by oasst-reviewer-2",
                "ReactionAdded oasst:a1:-1:0 THUMBS_DOWN by oasst-reviewer-0",
                "ResponseGenerated oasst:a2:response",
                "ReactionAdded oasst:a2:-1:0 THUMBS_DOWN by oasst-reviewer-0",
                "ReactionAdded oasst:a2:-1:1 THUMBS_DOWN by oasst-reviewer-1",
                "PromptSubmitted oasst:p2:prompt follows a1");
        assertThat(summary(conversations.get("oasst:p2"))).containsExactly(
                "ConversationStarted oasst:p2:start",
                "PromptSubmitted oasst:p1:prompt",
                "ResponseGenerated oasst:a1:response",
                "PromptSubmitted oasst:p2:prompt follows a1",
                "ResponseGenerated oasst:a4:response");
        ObjectNode sibling = conversations.get("oasst:p1").events().get(2);
        assertThat(sibling.get("turnId").asText()).isEqualTo("p1");
        assertThat(sibling.get("variant").asText()).isEqualTo("human");
        assertThat(conversations.get("oasst:p2").events().get(2).get("variant").asText()).isEqualTo("context");
        assertThat(conversations.get("oasst:p1").events().get(0).get("userId").asText()).isEqualTo("alice");
        assertThat(conversations.get("oasst:p1").events().get(1).get("occurredAt").asText())
                .isEqualTo("2023-02-07T17:29:24.727400Z");

        assertThat(data.truth()).containsExactly(new GroundTruth.PairTruth("eval", "oasst:p1",
                new GroundTruth.ResponseRef("oasst:p1", "a1"), new GroundTruth.ResponseRef("oasst:p1", "a2"),
                "How do I sort?", 1));
        assertThat(data.notes().counts()).containsEntry("deleted messages skipped", 1)
                .containsEntry("emojis without a reaction kind ignored (_skip_reply)", 2)
                .containsEntry("emojis without a reaction kind ignored (red_flag)", 1)
                .containsEntry("emojis on prompter messages ignored", 2);
    }

    @Test
    void reImportingGivesIdenticalEvents() throws IOException {
        Path file = write("flat.jsonl", P1, A1, A2, A3, P2, A4);
        ImportedData first = new OpenAssistantImporter().read(file, "eval");
        ImportedData second = new OpenAssistantImporter().read(file, "eval");
        assertThat(second.conversations()).isEqualTo(first.conversations());
        assertThat(second.truth()).isEqualTo(first.truth());
    }

    @Test
    void nestedTreesGiveTheSameStructureWithSynthesisedTimes() throws IOException {
        String tree = "{\"message_tree_id\":\"p1\",\"prompt\":{\"message_id\":\"p1\",\"role\":\"prompter\","
                + "\"text\":\"How do I sort?\",\"replies\":[{\"message_id\":\"a1\",\"role\":\"assistant\",\"rank\":0,"
                + "\"text\":\"Use sorted().\",\"emojis\":{\"name\":[\"+1\"],\"count\":[1]},\"replies\":[{\"message_id\":"
                + "\"p2\",\"role\":\"prompter\",\"text\":\"Thanks! And in reverse?\",\"replies\":[{\"message_id\":\"a4\","
                + "\"role\":\"assistant\",\"text\":\"Pass reverse=True.\",\"replies\":[]}]}]},{\"message_id\":\"a2\","
                + "\"role\":\"assistant\",\"rank\":1,\"text\":\"No idea.\",\"replies\":[]}]}}";
        ImportedData data = new OpenAssistantImporter().read(write("tree.jsonl", tree), "eval");
        Map<String, BatchSender.Unit> conversations = byId(data);
        assertThat(conversations).containsOnlyKeys("oasst:p1", "oasst:p2");
        assertThat(summary(conversations.get("oasst:p1"))).containsExactly(
                "ConversationStarted oasst:p1:start",
                "PromptSubmitted oasst:p1:prompt",
                "ResponseGenerated oasst:a1:response",
                "ReactionAdded oasst:a1:+1:0 THUMBS_UP by oasst-reviewer-0",
                "ResponseGenerated oasst:a2:response",
                "PromptSubmitted oasst:p2:prompt follows a1");
        assertThat(conversations.get("oasst:p1").events().get(0).get("userId").asText()).isEqualTo("oasst-prompter:p1");
        assertThat(conversations.get("oasst:p1").events().get(2).get("occurredAt").asText())
                .isEqualTo("2023-01-01T00:01:00Z");
        assertThat(GroundTruth.pairs(data.truth())).hasSize(1);
    }

    @Test
    void aMalformedLineIsReportedWithFileLineFieldAndValue() throws IOException {
        Path file = write("bad.jsonl", P1, A1.replace("\"assistant\"", "\"robot\""));
        assertThatThrownBy(() -> new OpenAssistantImporter().read(file, "eval"))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageContaining("bad.jsonl:2:").hasMessageContaining("field 'role' = 'robot'");
        Path broken = write("broken.jsonl", P1, "{\"message_id\": ");
        assertThatThrownBy(() -> new OpenAssistantImporter().read(broken, "eval"))
                .hasMessageContaining("broken.jsonl:2:").hasMessageContaining("not valid JSON");
        Path missing = write("missing.jsonl", "{\"message_id\":\"x\",\"role\":\"prompter\"}");
        assertThatThrownBy(() -> new OpenAssistantImporter().read(missing, "eval"))
                .hasMessageContaining("missing.jsonl:1: field 'text': missing");
    }

    @Test
    void textsOverTheContractLimitAreTruncatedWithANote() throws IOException {
        String longText = "x".repeat(100_050);
        ImportedData data = new OpenAssistantImporter().read(write("long.jsonl", P1,
                A1.replace("Use sorted().", longText)), "eval");
        ObjectNode response = data.conversations().get(0).events().get(2);
        assertThat(response.get("text").asText()).hasSize(100_000);
        assertThat(data.notes().counts()).containsEntry("texts truncated to 100000 characters", 1);
    }
}
