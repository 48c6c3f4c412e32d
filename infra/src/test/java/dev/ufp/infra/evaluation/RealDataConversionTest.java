package dev.ufp.infra.evaluation;

import dev.ufp.infra.importers.ImportedData;
import dev.ufp.infra.importers.OpenAssistantImporter;
import dev.ufp.infra.importers.RatedDialogImporter;
import dev.ufp.infra.simulator.GroundTruth;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared real data sets ({@code ../shared/data} next to the repository), parsed and converted without a
 * platform: skipped, saying so, when that folder is absent.
 */
class RealDataConversionTest {

    /** {@code shared/data} in the nearest ancestor of the working directory that has one, or null. */
    static Path sharedData() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path candidate = at.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Path dataFile(String relative) {
        Path data = sharedData();
        Path file = data == null ? null : data.resolve(relative);
        Assumptions.assumeTrue(file != null && Files.isReadable(file),
                "../shared/data/" + relative + " absent: skipped");
        return file;
    }

    @Test
    void netEmojiAgreesWithHumanRankingsOnTheOpenAssistantSampleAsPublished() throws IOException {
        ImportedData data = new OpenAssistantImporter().read(dataFile("oasst1-en-sample/messages.jsonl"), "eval");
        assertThat(data.notes().skipped()).isEmpty();
        Map<GroundTruth.ResponseRef, Integer> net = EmojiRankAgreement.netFromEvents(data.conversations());
        EmojiRankAgreement agreement = EmojiRankAgreement.of(GroundTruth.pairs(data.truth()), net::get);
        assertThat(agreement.missing()).isZero();
        assertThat(Math.round(agreement.agreement() * 1000) / 10.0).isEqualTo(63.6);
    }

    @Test
    void theNestedOpenAssistantExportConverts() throws IOException {
        ImportedData trees = new OpenAssistantImporter().read(dataFile("oasst-en100/en_100_tree.jsonl"), "eval");
        ImportedData flat = new OpenAssistantImporter().read(dataFile("oasst-en100/en_100_message.jsonl"), "eval");
        assertThat(trees.conversations()).isNotEmpty();
        assertThat(trees.eventsByType().get("ResponseGenerated")).isEqualTo(flat.eventsByType().get("ResponseGenerated"));
        assertThat(GroundTruth.pairs(trees.truth())).hasSameSizeAs(GroundTruth.pairs(flat.truth()));
    }

    @Test
    void everyRatedBotTurnOfTheDialogsBecomesARatedResponse() throws IOException {
        ImportedData data = new RatedDialogImporter().read(dataFile("convai2/data_intermediate.json"), "eval");
        assertThat(GroundTruth.responses(data.truth())).hasSize(439);
        java.util.Set<String> sent = new java.util.HashSet<>();
        data.conversations().forEach(u -> sent.add(u.conversationId()));
        long ratedAndSent = GroundTruth.responses(data.truth()).stream()
                .filter(r -> sent.contains(r.conversationId())).count();
        assertThat(data.eventsByType().get("ReactionAdded")).isEqualTo((int) ratedAndSent);
        assertThat(data.notes().skipped()).allMatch(reason -> reason.contains("more than one request holds"));
    }
}
