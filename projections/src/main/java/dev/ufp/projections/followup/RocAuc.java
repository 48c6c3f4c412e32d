package dev.ufp.projections.followup;

import java.util.Arrays;
import java.util.Comparator;

/** ROC AUC by ranks (Mann-Whitney U): the chance a random positive outscores a random negative, ties half. */
public final class RocAuc {

    private RocAuc() {
    }

    /**
     * @param scores higher means more likely positive
     * @param labels true for the positive class
     * @return AUC in [0, 1]; NaN when either class is empty
     */
    public static double of(double[] scores, boolean[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException("scores and labels differ in length");
        }
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double rankSumPositive = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1.0; // ranks are 1-based; ties share the mean rank
            for (int k = i; k <= j; k++) {
                if (labels[order[k]]) {
                    rankSumPositive += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
