package dev.ufp.infra.importers;

import dev.ufp.infra.client.BatchSender;
import dev.ufp.infra.simulator.GroundTruth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RatedDialogImporterTest {

    @TempDir
    Path dir;

    private static final String DIALOGS = """
            [{"dialog": [
                {"id": 0, "sender": "participant2", "text": "Hi! I like horses.", "evaluation_score": null, "sender_class": "Bot"},
                {"id": 1, "sender": "participant1", "text": "hello, what do you do?", "evaluation_score": null, "sender_class": "Human"},
                {"id": 2, "sender": "participant2", "text": "I tend the fields.", "evaluation_score": 1, "sender_class": "Bot"},
                {"id": 3, "sender": "participant1", "text": "cool, nice", "evaluation_score": null, "sender_class": "Human"},
                {"id": 4, "sender": "participant2", "text": "I am a bot bot bot.", "evaluation_score": 0, "sender_class": "Bot"}],
              "start_time": "2018-07-09 08:06:08.322000", "end_time": "2018-07-09 08:10:00",
              "participant1_id": {"class": "User", "user_id": "User 00918"},
              "participant2_id": {"class": "Bot", "user_id": "Bot 001"}, "eval_score": 3},
             {"dialog": [], "participant1_id": {"class": "User", "user_id": "User 1"}}]
            """;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void humanTurnsArePromptsBotTurnsResponsesRatingsReactionsAndTheNextHumanTurnTheFollowUp() throws IOException {
        ImportedData data = new RatedDialogImporter().read(write("dialogs.json", DIALOGS), "eval");
        assertThat(data.conversations()).hasSize(1);
        BatchSender.Unit unit = data.conversations().get(0);
        assertThat(unit.conversationId()).isEqualTo("convai2:0");
        List<String> summary = unit.events().stream().map(e -> e.get("type").asText() + " "
                + e.path("turnId").asText(e.path("responseId").asText()) + " "
                + e.path("followsResponseId").asText(e.path("reaction").asText("")) + " "
                + e.path("userId").asText("")).map(String::strip).toList();
        assertThat(summary).containsExactly(
                "ConversationStarted   User 00918",
                "PromptSubmitted t0-open",
                "ResponseGenerated t0-open",
                "PromptSubmitted t1 m0",
                "ResponseGenerated t1",
                "ReactionAdded m2 THUMBS_UP User 00918",
                "PromptSubmitted t3 m2",
                "ResponseGenerated t3",
                "ReactionAdded m4 THUMBS_DOWN User 00918");
        assertThat(unit.events().get(2).get("model").asText()).isEqualTo("Bot 001");
        assertThat(unit.events().get(0).get("occurredAt").asText()).isEqualTo("2018-07-09T08:06:08.322Z");
        assertThat(GroundTruth.responses(data.truth())).extracting(GroundTruth.ResponseTruth::responseId,
                GroundTruth.ResponseTruth::rating, GroundTruth.ResponseTruth::promptText)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("m2", 1, "hello, what do you do?"),
                        org.assertj.core.groups.Tuple.tuple("m4", 0, "cool, nice"));
        assertThat(data.notes().skipped()).containsExactly("convai2:1: empty dialog");
    }

    @Test
    void reImportingGivesIdenticalEvents() throws IOException {
        Path file = write("dialogs.json", DIALOGS);
        assertThat(new RatedDialogImporter().read(file, "eval").conversations())
                .isEqualTo(new RatedDialogImporter().read(file, "eval").conversations());
    }

    @Test
    void aBadRatingNamesTheLineFieldAndValue() throws IOException {
        Path file = write("bad.json", DIALOGS.replace("\"evaluation_score\": 0", "\"evaluation_score\": 7"));
        assertThatThrownBy(() -> new RatedDialogImporter().read(file, "eval"))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageContaining("bad.json:1:").hasMessageContaining("field 'evaluation_score' = '7'");
        Path broken = write("broken.json", "[{\"dialog\": [}]");
        assertThatThrownBy(() -> new RatedDialogImporter().read(broken, "eval"))
                .hasMessageContaining("broken.json:1:").hasMessageContaining("not valid JSON");
    }
}
