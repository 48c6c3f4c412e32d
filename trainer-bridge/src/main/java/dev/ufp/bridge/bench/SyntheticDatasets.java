package dev.ufp.bridge.bench;

import dev.ufp.mining.dataset.DatasetManifest;
import dev.ufp.mining.dataset.FilterStep;
import dev.ufp.mining.dataset.PairSide;
import dev.ufp.mining.dataset.PreferencePair;
import dev.ufp.mining.dataset.Turn;
import dev.ufp.mining.dataset.UnpairedLabel;

import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic dataset versions for benchmarks and tests: realistic row sizes (prompts, 0–2 context
 * turns, responses of a few hundred characters), every fourth row in {@code test}, two models, strengths spread
 * over (0, 1], prompt times over one day. The lists are computed on access, so a 400k-pair version costs no heap
 * until {@code DatasetStore.save} reads it.
 */
public final class SyntheticDatasets {

    public static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final String[] WORDS = ("the list python sort reverse function value error index loop string "
            + "return type class method file read write json parse thanks exactly wrong again please explain "
            + "example code run test memory fast slow better answer question").split(" ");

    private SyntheticDatasets() {
    }

    public static DatasetManifest manifest(String tenant, String name, long pairs, long labels) {
        long test = pairs / 4;
        return new DatasetManifest(null, tenant, name, 0, null, Map.of("pairs", "synthetic-1"), Map.of(),
                Map.of("seed", 7), pairs * 2, pairs, labels,
                List.of(new FilterStep("margin", "1", pairs, 0, Map.of("min", 0.1))),
                Map.of("train", pairs - test, "test", test), Map.of("train", labels - labels / 4, "test", labels / 4),
                Map.of("chosenToRejectedLength", 1.0));
    }

    /** Pairs {@code from..from+count-1}; the same index always gives the same pair (and pair id). */
    public static List<PreferencePair> pairs(String tenant, int from, int count) {
        return new AbstractList<>() {
            @Override
            public PreferencePair get(int i) {
                return pair(tenant, from + i);
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    public static List<UnpairedLabel> labels(String tenant, int count) {
        return new AbstractList<>() {
            @Override
            public UnpairedLabel get(int i) {
                return label(tenant, i);
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    public static PreferencePair pair(String tenant, int index) {
        SplittableRandom random = new SplittableRandom(index * 31L + 7);
        String conversation = "c" + index;
        PairSide chosen = side(random, conversation, "r" + index + "a", "m1", 0.5 + random.nextDouble() / 2);
        PairSide rejected = side(random, conversation, "r" + index + "b", "m2", random.nextDouble() / 2);
        double strength = Math.round((0.05 + random.nextDouble() * 0.95) * 1000) / 1000.0;
        return new PreferencePair("pr_" + Long.toHexString(index * 0x9E3779B97F4A7C15L),
                tenant, text(random, 8, 30) + "?", context(random), chosen, rejected,
                chosen.score() - rejected.score(), strength, index % 3 == 0 ? "regeneration" : "sibling",
                index % 4 == 3 ? "test" : "train", START.plusSeconds(index % 86_400),
                List.of("e" + index + "-1", "e" + index + "-2", "e" + index + "-3"));
    }

    public static UnpairedLabel label(String tenant, int index) {
        SplittableRandom random = new SplittableRandom(index * 17L + 3);
        boolean good = index % 2 == 0;
        return new UnpairedLabel("lb_" + index, tenant, text(random, 8, 30) + "?", context(random),
                side(random, "c" + index, "r" + index, good ? "m1" : "m2", good ? 0.9 : 0.1), good,
                Math.round((0.05 + random.nextDouble() * 0.95) * 1000) / 1000.0, index % 4 == 3 ? "test" : "train",
                START.plusSeconds(index % 86_400), List.of("e" + index));
    }

    private static PairSide side(SplittableRandom random, String conversation, String response, String model,
                                 double score) {
        return new PairSide(conversation, response, text(random, 30, 90), model, "2026-11", "A",
                Math.round(score * 1000) / 1000.0, 1 + random.nextInt(4));
    }

    private static List<Turn> context(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> List.of();
            case 1 -> List.of(new Turn("user", text(random, 5, 20)), new Turn("assistant", text(random, 10, 40)));
            default -> List.of(new Turn("user", text(random, 5, 20) + " \"quoted\" ünïcode ✓"),
                    new Turn("assistant", text(random, 10, 40) + "\nline two\ttab"));
        };
    }

    private static String text(SplittableRandom random, int minWords, int maxWords) {
        int words = minWords + random.nextInt(maxWords - minWords);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
