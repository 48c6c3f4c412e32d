package dev.ufp.infra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ufp.infra.client.PlatformClient;
import dev.ufp.infra.evaluation.HeldOutLove;
import dev.ufp.infra.evaluation.MinedPairAccuracy;
import dev.ufp.infra.evaluation.MiningRun;
import dev.ufp.infra.simulator.GroundTruth;
import dev.ufp.infra.simulator.SimulatedConversation;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's second half, as a training pipeline would run it over HTTP: mine preference pairs, train the P[Love]
 * ensemble, score traffic the platform never saw, mine again with the ensemble's noise filter — each result next to
 * what the simulator knows.
 */
final class TrainingReport {

    static final String DATASET = "demo";

    private final PlatformClient client;
    private final String trainerKey;
    private final PrintStream out;
    private final Map<GroundTruth.ResponseRef, Double> quality = new HashMap<>();

    TrainingReport(PlatformClient client, String trainerKey, List<GroundTruth.ResponseTruth> truth, PrintStream out) {
        this.client = client;
        this.trainerKey = trainerKey;
        this.out = out;
        truth.forEach(r -> quality.put(new GroundTruth.ResponseRef(r.conversationId(), r.responseId()), r.quality()));
    }

    void run(List<SimulatedConversation> heldOut) throws IOException, InterruptedException {
        MiningRun run = new MiningRun(client, trainerKey, out);
        out.printf("%nMining preference pairs (dataset '%s'; no reward model yet, so no noise filter)…%n", DATASET);
        String first = run.mine(Map.of("name", DATASET), Duration.ofMinutes(15)).get("datasetId").asText();
        pairs(run, first);

        out.printf("%nTraining the P[Love] reward model: MiniLM features, an ensemble of 5 MLP heads (DJL)…%n");
        // every delivered response was seen: one not loved is a negative label; 30 epochs (the default 10 underfits)
        String model = run.train(Map.of("objective", "love", "heads", 5, "epochs", 30, "labels", "all",
                "dataset", first), Duration.ofMinutes(20)).get("model").asText();
        JsonNode metrics = client.get(trainerKey, "/v1/reward/models/" + model).path("metrics");
        out.printf("Model %s: trained on %,d responses (%,d loved); on its %,d held-out responses ROC AUC %s,"
                        + " ECE %s; pairwise accuracy on %,d held-out mined pairs %s; correlation with length %s"
                        + " (the reward-hacking guard)%n", model, metrics.path("trainExamples").asLong(),
                metrics.path("trainPositives").asLong(), metrics.path("heldOutExamples").asLong(),
                figure(metrics, "rocAuc"), figure(metrics, "ece"), metrics.path("heldOutPairs").asLong(),
                figure(metrics, "pairwiseAccuracy"), figure(metrics, "lengthPearson"));

        out.printf("%nScoring %,d fresh simulated conversations the platform never saw…%n", heldOut.size());
        HeldOutLove love = HeldOutLove.measure(client, trainerKey, heldOut);
        out.printf("  P[Love] ROC AUC %.3f vs the Bayes-optimal %.3f on the same %,d responses (%,d loved):"
                        + " %.1f%% of optimal (target ≥ 95%%)%n", love.modelAuc(), love.bayesAuc(), love.responses(),
                love.loved(), 100 * love.ratio());

        out.printf("%nMining again, now with the ensemble's noise filter…%n");
        String second = run.mine(Map.of("name", DATASET), Duration.ofMinutes(15)).get("datasetId").asText();
        pairs(run, second);
    }

    private static String figure(JsonNode metrics, String name) {
        return metrics.path(name).isNumber() ? String.format("%.3f", metrics.get(name).asDouble()) : "n/a";
    }

    private void pairs(MiningRun run, String datasetId) throws IOException, InterruptedException {
        JsonNode manifest = run.manifest(datasetId);
        out.printf("Dataset %s v%d: %,d pairs (%s train / %s test), %,d unpaired labels from %,d responses%n",
                datasetId, manifest.get("version").asInt(), manifest.get("pairs").asLong(),
                manifest.path("pairsBySplit").path("train"), manifest.path("pairsBySplit").path("test"),
                manifest.get("labels").asLong(), manifest.get("candidates").asLong());
        for (JsonNode step : manifest.get("filters")) {
            out.printf("  %-22s in %,7d  dropped %,7d%s%n", step.get("name").asText(), step.get("in").asLong(),
                    step.get("dropped").asLong(), step.path("details").has("skipped")
                            ? "  (skipped: " + step.get("details").get("skipped").asText() + ")" : "");
        }
        JsonNode bias = manifest.path("lengthBias").path("after");
        out.printf("  length bias: chosen/rejected mean length %.2f, chosen longer in %.0f%% of pairs%n",
                bias.path("meanLengthRatio").asDouble(), 100 * bias.path("chosenLongerShare").asDouble());
        MinedPairAccuracy accuracy = MinedPairAccuracy.byQuality(run.pairs(datasetId), quality::get);
        out.printf("  accuracy against the simulator's true quality: %.1f%% of the %,d pairs whose responses differ in"
                        + " quality (target ≥ 95%%; %,d pairs of equal quality are not judged)%n    by origin: %s%n",
                100 * accuracy.accuracy(), accuracy.judged(), accuracy.pairs() - accuracy.judged(),
                accuracy.originSummary());
    }
}
