package dev.ufp.mining.reward;

import java.util.List;

/** Builds an {@link EvaluationReport} from held-out responses and pairs, scored by the ensemble's mean. */
final class Evaluator {

    static final int BINS = 10;

    private Evaluator() {
    }

    /** Held-out responses with Love labels and response lengths (characters). */
    record Labeled(float[][] features, boolean[] loved, int[] lengths) {
        static Labeled empty() {
            return new Labeled(new float[0][], new boolean[0], new int[0]);
        }
    }

    /** Held-out pairs, each side's features and length. */
    record Pairs(float[][] chosen, float[][] rejected, int[] chosenLengths, int[] rejectedLengths) {
        static Pairs empty() {
            return new Pairs(new float[0][], new float[0][], new int[0], new int[0]);
        }
    }

    static EvaluationReport evaluate(RewardEnsemble ensemble, TrainingConfig config, long trainExamples,
                                     long trainPositives, Labeled labeled, Pairs pairs) {
        double[] chosen = means(ensemble, pairs.chosen());
        double[] rejected = means(ensemble, pairs.rejected());
        double[] scores;
        boolean[] labels;
        int[] lengths;
        if (labeled.features().length > 0) {
            scores = means(ensemble, labeled.features());
            labels = labeled.loved();
            lengths = labeled.lengths();
        } else { // a pairwise model without labelled responses: the pairs' sides, chosen = positive
            int n = chosen.length;
            scores = new double[2 * n];
            labels = new boolean[2 * n];
            lengths = new int[2 * n];
            System.arraycopy(chosen, 0, scores, 0, n);
            System.arraycopy(rejected, 0, scores, n, n);
            System.arraycopy(pairs.chosenLengths(), 0, lengths, 0, n);
            System.arraycopy(pairs.rejectedLengths(), 0, lengths, n, n);
            java.util.Arrays.fill(labels, 0, n, true);
        }
        long positives = 0;
        for (boolean label : labels) {
            positives += label ? 1 : 0;
        }
        RewardMetrics.Calibration calibration = RewardMetrics.calibration(scores, labels, BINS);
        double[] lengthValues = java.util.Arrays.stream(lengths).asDoubleStream().toArray();
        return new EvaluationReport(config.objective().wireName(), trainExamples, trainPositives, scores.length,
                positives, chosen.length, EvaluationReport.defined(RewardMetrics.auc(scores, labels)),
                EvaluationReport.defined(calibration.ece()), calibration.reliability(),
                EvaluationReport.defined(RewardMetrics.pairwiseAccuracy(chosen, rejected)),
                EvaluationReport.defined(RewardMetrics.pearson(scores, lengthValues)),
                EvaluationReport.defined(RewardMetrics.spearman(scores, lengthValues)), config.heldOutFraction());
    }

    private static double[] means(RewardEnsemble ensemble, float[][] features) {
        List<EnsembleScore> scores = ensemble.score(features, ScoreMode.MEAN, 0);
        return scores.stream().mapToDouble(EnsembleScore::mean).toArray();
    }
}
