package dev.ufp.mining.reward;

import dev.ufp.projections.followup.RocAuc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The evaluation report's statistics; every one answers NaN where it is undefined (an empty class, no spread). */
final class RewardMetrics {

    private RewardMetrics() {
    }

    static double auc(double[] scores, boolean[] labels) {
        return RocAuc.of(scores, labels);
    }

    /**
     * Expected calibration error over {@code bins} equal-width bins of predicted P[Love] (the last bin includes 1):
     * the count-weighted mean of |observed Love rate − mean prediction|; with the per-bin reliability table.
     */
    static Calibration calibration(double[] predicted, boolean[] labels, int bins) {
        long[] counts = new long[bins];
        double[] predictedSums = new double[bins];
        long[] positives = new long[bins];
        for (int i = 0; i < predicted.length; i++) {
            int bin = Math.min(bins - 1, Math.max(0, (int) Math.floor(predicted[i] * bins)));
            counts[bin]++;
            predictedSums[bin] += predicted[i];
            if (labels[i]) {
                positives[bin]++;
            }
        }
        List<EvaluationReport.ReliabilityBin> table = new ArrayList<>(bins);
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            Double meanPredicted = counts[b] == 0 ? null : predictedSums[b] / counts[b];
            Double observed = counts[b] == 0 ? null : (double) positives[b] / counts[b];
            if (counts[b] > 0) {
                ece += counts[b] * Math.abs(observed - meanPredicted);
            }
            table.add(new EvaluationReport.ReliabilityBin((double) b / bins, (double) (b + 1) / bins, counts[b],
                    meanPredicted, observed));
        }
        return new Calibration(predicted.length == 0 ? Double.NaN : ece / predicted.length, table);
    }

    record Calibration(double ece, List<EvaluationReport.ReliabilityBin> reliability) {
    }

    static double pearson(double[] a, double[] b) {
        int n = a.length;
        if (n < 2) {
            return Double.NaN;
        }
        double meanA = Arrays.stream(a).average().orElse(0);
        double meanB = Arrays.stream(b).average().orElse(0);
        double cov = 0;
        double varA = 0;
        double varB = 0;
        for (int i = 0; i < n; i++) {
            cov += (a[i] - meanA) * (b[i] - meanB);
            varA += (a[i] - meanA) * (a[i] - meanA);
            varB += (b[i] - meanB) * (b[i] - meanB);
        }
        return varA == 0 || varB == 0 ? Double.NaN : cov / Math.sqrt(varA * varB);
    }

    /** Pearson of the ranks (ties share their mean rank). */
    static double spearman(double[] a, double[] b) {
        return pearson(ranks(a), ranks(b));
    }

    static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }

    /** Share of pairs whose chosen side scores higher; ties count half. */
    static double pairwiseAccuracy(double[] chosen, double[] rejected) {
        if (chosen.length == 0) {
            return Double.NaN;
        }
        double right = 0;
        for (int i = 0; i < chosen.length; i++) {
            right += chosen[i] > rejected[i] ? 1 : chosen[i] == rejected[i] ? 0.5 : 0;
        }
        return right / chosen.length;
    }
}
