package dev.ufp.infra.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ufp.infra.simulator.GroundTruth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How often a mined pair's chosen response is truly the better one: against the simulator's latent quality
 * (every pair is judged), or against human rankings of siblings (only pairs the ranking covers are judged).
 *
 * @param byOrigin origin → {judged, correct}
 */
public record MinedPairAccuracy(int pairs, int judged, int correct, Map<String, int[]> byOrigin) {

    /** One mined pair, as the trainer bridge's {@code format=native} stream shows it. */
    public record Mined(GroundTruth.ResponseRef chosen, GroundTruth.ResponseRef rejected, String origin,
                        double strength) {

        public static Mined of(JsonNode pair) {
            return new Mined(ref(pair.get("chosen")), ref(pair.get("rejected")), pair.path("origin").asText(),
                    pair.path("strength").asDouble());
        }

        private static GroundTruth.ResponseRef ref(JsonNode side) {
            return new GroundTruth.ResponseRef(side.get("conversationId").asText(), side.get("responseId").asText());
        }
    }

    /** Judged by latent quality; a pair whose sides have no known quality is not judged. */
    public static MinedPairAccuracy byQuality(List<Mined> mined, Function<GroundTruth.ResponseRef, Double> quality) {
        return judge(mined, pair -> {
            Double chosen = quality.apply(pair.chosen());
            Double rejected = quality.apply(pair.rejected());
            return chosen == null || rejected == null || chosen.equals(rejected) ? null : chosen > rejected;
        });
    }

    /** Judged by human rankings: a pair is judged when the truth ranks its two responses against each other. */
    public static MinedPairAccuracy byRanking(List<Mined> mined, List<GroundTruth.PairTruth> truth) {
        Map<String, Boolean> ranked = new HashMap<>();
        for (GroundTruth.PairTruth pair : truth) {
            ranked.put(key(pair.better(), pair.worse()), true);
            ranked.put(key(pair.worse(), pair.better()), false);
        }
        return judge(mined, pair -> ranked.get(key(pair.chosen(), pair.rejected())));
    }

    private static MinedPairAccuracy judge(List<Mined> mined, Function<Mined, Boolean> correct) {
        int judged = 0;
        int right = 0;
        Map<String, int[]> byOrigin = new TreeMap<>();
        for (Mined pair : mined) {
            Boolean verdict = correct.apply(pair);
            if (verdict != null) {
                judged++;
                right += verdict ? 1 : 0;
                int[] counts = byOrigin.computeIfAbsent(pair.origin(), o -> new int[2]);
                counts[0]++;
                counts[1] += verdict ? 1 : 0;
            }
        }
        return new MinedPairAccuracy(mined.size(), judged, right, byOrigin);
    }

    private static String key(GroundTruth.ResponseRef a, GroundTruth.ResponseRef b) {
        return a.conversationId() + "/" + a.responseId() + ">" + b.conversationId() + "/" + b.responseId();
    }

    public double accuracy() {
        return judged == 0 ? Double.NaN : (double) correct / judged;
    }

    /** e.g. {@code regeneration 97.1% of 210 · same-prompt 95.3% of 1,020}. */
    public String originSummary() {
        StringBuilder out = new StringBuilder();
        byOrigin.forEach((origin, counts) -> out.append(out.isEmpty() ? "" : " · ").append(String.format(
                "%s %.1f%% of %,d", origin, 100.0 * counts[1] / counts[0], counts[0])));
        return out.toString();
    }
}
