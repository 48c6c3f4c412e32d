package dev.ufp.mining.reward;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * How a model version did on held-out prompts (split by prompt hash, {@link HeldOutSplit}); scores are the
 * ensemble mean P[Love]. Undefined figures (one class only, no pairs) are null.
 *
 * @param rocAuc           ROC AUC of P[Love] against Love labels (pairwise models: chosen = positive, rejected =
 *                         negative over the held-out pairs' sides)
 * @param ece              expected calibration error over 10 bins
 * @param reliability      the 10 bins: mean prediction against observed Love rate
 * @param pairwiseAccuracy share of held-out pairs ranked chosen over rejected (ties half)
 * @param lengthPearson    correlation of P[Love] with response length in characters: the reward-hacking guard
 *                         (a large value means the model may be rewarding length itself)
 * @param lengthSpearman   the same by ranks
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EvaluationReport(String objective, long trainExamples, long trainPositives, long heldOutExamples,
                               long heldOutPositives, long heldOutPairs, Double rocAuc, Double ece,
                               List<ReliabilityBin> reliability, Double pairwiseAccuracy, Double lengthPearson,
                               Double lengthSpearman, double heldOutFraction) {

    public EvaluationReport {
        reliability = List.copyOf(reliability);
    }

    /** One calibration bin: predictions in [from, to); null means and rates for empty bins. */
    public record ReliabilityBin(double from, double to, long count, Double meanPredicted, Double observedRate) {
    }

    static Double defined(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
