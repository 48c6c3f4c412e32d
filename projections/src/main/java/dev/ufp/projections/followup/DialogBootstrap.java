package dev.ufp.projections.followup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Cluster bootstrap over dialogs (pairs of one dialog come from one user and are not independent): percentile
 * confidence intervals for each classifier's AUC and for the paired difference of two classifiers' AUCs.
 */
final class DialogBootstrap {

    record Interval(double low, double high) {
        @Override
        public String toString() {
            return String.format("[%.3f, %.3f]", low, high);
        }
    }

    private final List<int[]> dialogs; // pair indices per dialog
    private final boolean[] labels;
    private final int resamples;
    private final long seed;

    DialogBootstrap(int[] dialogOfPair, boolean[] labels, int resamples, long seed) {
        Map<Integer, List<Integer>> byDialog = new LinkedHashMap<>();
        for (int i = 0; i < dialogOfPair.length; i++) {
            byDialog.computeIfAbsent(dialogOfPair[i], k -> new ArrayList<>()).add(i);
        }
        this.dialogs = byDialog.values().stream()
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toList();
        this.labels = labels;
        this.resamples = resamples;
        this.seed = seed;
    }

    Interval auc(double[] scores) {
        return difference(scores, null);
    }

    /** 95% interval of AUC(a) - AUC(b) on the same resampled dialogs; b null means AUC(a) alone. */
    Interval difference(double[] a, double[] b) {
        Random random = new Random(seed);
        double[] stats = new double[resamples];
        int kept = 0;
        for (int r = 0; r < resamples; r++) {
            List<Integer> picked = new ArrayList<>();
            for (int k = 0; k < dialogs.size(); k++) {
                for (int i : dialogs.get(random.nextInt(dialogs.size()))) {
                    picked.add(i);
                }
            }
            double value = aucOf(a, picked) - (b == null ? 0.0 : aucOf(b, picked));
            if (!Double.isNaN(value)) {
                stats[kept++] = value;
            }
        }
        double[] sorted = Arrays.copyOf(stats, kept);
        Arrays.sort(sorted);
        return new Interval(sorted[(int) Math.floor(0.025 * (kept - 1))], sorted[(int) Math.ceil(0.975 * (kept - 1))]);
    }

    private double aucOf(double[] scores, List<Integer> picked) {
        double[] s = new double[picked.size()];
        boolean[] l = new boolean[picked.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = scores[picked.get(i)];
            l[i] = labels[picked.get(i)];
        }
        return RocAuc.of(s, l);
    }
}
