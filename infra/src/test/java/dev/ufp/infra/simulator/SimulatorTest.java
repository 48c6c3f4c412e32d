package dev.ufp.infra.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorTest {

    @TempDir
    Path dir;

    private static SimulatorOptions options(long seed, int conversations) {
        return new SimulatorOptions(conversations, seed, "t", 2, 0.1, 0.05, 0.2, SimulatorOptions.DEFAULT_START);
    }

    private byte[][] run(SimulatorOptions options, String name) throws IOException {
        Simulation simulation = new Simulation(options);
        List<SimulatedConversation> conversations = simulation.conversations();
        Path events = dir.resolve(name + "-events.jsonl");
        Path truth = dir.resolve(name + "-truth.jsonl");
        SimulatorMain.writeEvents(events, conversations);
        GroundTruth.write(truth, simulation.truth(conversations));
        return new byte[][] {Files.readAllBytes(events), Files.readAllBytes(truth)};
    }

    @Test
    void theSameSeedGivesByteIdenticalEventsAndTruthAndAnotherSeedDiffers() throws IOException {
        byte[][] first = run(options(7, 300), "a");
        byte[][] second = run(options(7, 300), "b");
        byte[][] other = run(options(8, 300), "c");
        assertThat(first[0]).isEqualTo(second[0]);
        assertThat(first[1]).isEqualTo(second[1]);
        assertThat(first[0]).isNotEqualTo(other[0]);
        assertThat(first[1]).isNotEqualTo(other[1]);
    }

    @Test
    void theGroundTruthFileReadsBackAsWritten() throws IOException {
        Simulation simulation = new Simulation(options(3, 100));
        List<GroundTruth.Line> lines = simulation.truth(simulation.conversations());
        Path file = dir.resolve("truth.jsonl");
        GroundTruth.write(file, lines);
        assertThat(GroundTruth.read(file)).isEqualTo(lines);
        assertThat(Files.readAllLines(file).get(0)).startsWith("{\"kind\":\"response\",\"tenant\":");
    }

    @Test
    void loveRisesWithQualityFeedbackIsSparseAndBetterHasHigherQuality() {
        Simulation simulation = new Simulation(SimulatorOptions.defaults(2000, 11, "t"));
        List<SimulatedConversation> conversations = simulation.conversations();
        List<GroundTruth.Line> truth = simulation.truth(conversations);
        List<GroundTruth.ResponseTruth> responses = GroundTruth.responses(truth);
        double[] loved = new double[3];
        double[] count = new double[3];
        for (GroundTruth.ResponseTruth r : responses) {
            int bin = r.quality() < 0.35 ? 0 : r.quality() < 0.65 ? 1 : 2;
            count[bin]++;
            loved[bin] += r.loved() ? 1 : 0;
            assertThat(r.pLove()).isBetween(0.0, 1.0);
        }
        assertThat(loved[0] / count[0]).isLessThan(loved[1] / count[1]);
        assertThat(loved[1] / count[1]).isLessThan(loved[2] / count[2]);
        assertThat(loved[2] / count[2] - loved[0] / count[0]).isGreaterThan(0.25);

        Set<String> reacted = new HashSet<>();
        for (SimulatedConversation c : conversations) {
            for (ObjectNode e : c.allEvents()) {
                if (e.get("type").asText().startsWith("Reaction")) {
                    reacted.add(c.conversationId() + "/" + e.get("responseId").asText());
                }
            }
        }
        assertThat((double) reacted.size() / responses.size()).as("share of responses with any reaction")
                .isBetween(0.1, 0.5);

        Map<GroundTruth.ResponseRef, Double> quality = new HashMap<>();
        responses.forEach(r -> quality.put(new GroundTruth.ResponseRef(r.conversationId(), r.responseId()), r.quality()));
        List<GroundTruth.PairTruth> pairs = GroundTruth.pairs(truth);
        assertThat(pairs).isNotEmpty();
        Map<String, Integer> perPrompt = new HashMap<>();
        for (GroundTruth.PairTruth p : pairs) {
            assertThat(quality.get(p.better())).isGreaterThan(quality.get(p.worse()));
            assertThat(p.qualityGap()).isPositive();
            if (!p.better().conversationId().equals(p.worse().conversationId())) {
                perPrompt.merge(p.tenant() + p.promptText(), 1, Integer::sum);
            }
        }
        assertThat(perPrompt.values()).allMatch(n -> n <= TruthPairs.MAX_PER_PROMPT);
        assertThat(pairs).anyMatch(p -> p.better().conversationId().equals(p.worse().conversationId()));
    }

    @Test
    void responseTextsCarryQualityThroughTopicWordsNotLength() {
        Simulation simulation = new Simulation(SimulatorOptions.defaults(1500, 5, "t"));
        List<SimulatedConversation> conversations = simulation.conversations();
        Map<String, String> texts = new HashMap<>();
        conversations.forEach(c -> c.allEvents().stream().filter(e -> e.get("type").asText().equals("ResponseGenerated"))
                .forEach(e -> texts.put(c.conversationId() + "/" + e.get("responseId").asText(), e.get("text").asText())));
        double[] lengthByBin = new double[2];
        double[] hedgeByBin = new double[2];
        double[] n = new double[2];
        for (GroundTruth.ResponseTruth r : GroundTruth.responses(simulation.truth(conversations))) {
            if (r.quality() > 0.3 && r.quality() < 0.7) {
                continue;
            }
            int bin = r.quality() >= 0.7 ? 1 : 0;
            String text = texts.get(r.conversationId() + "/" + r.responseId());
            n[bin]++;
            lengthByBin[bin] += text.length();
            hedgeByBin[bin] += text.contains("not entirely sure") || text.contains("depends on") ? 1 : 0;
        }
        assertThat(hedgeByBin[0] / n[0]).isGreaterThan(2 * hedgeByBin[1] / n[1]);
        double ratio = (lengthByBin[1] / n[1]) / (lengthByBin[0] / n[0]);
        assertThat(ratio).as("mean length high-q / low-q").isBetween(0.7, 1.5);
    }

    @Test
    void deliveryFaultsResendEventIdsAndKeepOrderWhereItMatters() {
        Simulation simulation = new Simulation(new SimulatorOptions(400, 9, "t", 1, 0.5, 0.1, 1.0,
                SimulatorOptions.DEFAULT_START));
        int copies = 0;
        for (SimulatedConversation c : simulation.conversations()) {
            copies += c.duplicateDeliveries();
            assertThat(c.events()).as("held back from a shuffled batch: retried events would come after them")
                    .noneMatch(e -> List.of("ConversationClosed", "ReactionRemoved").contains(e.get("type").asText()));
            List<ObjectNode> all = c.allEvents();
            Set<String> ids = new HashSet<>();
            all.forEach(e -> ids.add(e.get("eventId").asText()));
            assertThat(ids).hasSize(all.size() - c.duplicateDeliveries());
            Map<String, Integer> firstSeen = new HashMap<>();
            for (int i = 0; i < all.size(); i++) {
                firstSeen.putIfAbsent(all.get(i).get("eventId").asText(), i);
            }
            for (int i = 0; i < all.size(); i++) {
                ObjectNode e = all.get(i);
                if (e.get("type").asText().equals("ReactionRemoved")) {
                    String added = e.get("eventId").asText().replace(":un", ":");
                    assertThat(firstSeen.get(added)).as("the add before its removal").isLessThan(i);
                }
            }
        }
        assertThat(copies).isPositive();
    }
}
