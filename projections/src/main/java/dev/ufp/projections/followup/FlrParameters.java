package dev.ufp.projections.followup;

/**
 * Knobs of the prototype scorer, fixed a priori (see BENCHMARKS.md: they were not tuned on ConvAI2).
 *
 * @param topK              prototypes per category that enter its soft maximum
 * @param temperature       softmax temperature on cosine similarities (cosine units)
 * @param neutralQuantile   the NEUTRAL margin is this quantile of |score| over the neutral anchors
 * @param rephraseThreshold cosine to the previous prompt above which a follow-up counts as a rephrase
 */
record FlrParameters(int topK, double temperature, double neutralQuantile, double rephraseThreshold) {

    static final FlrParameters DEFAULTS = new FlrParameters(3, 0.05, 0.9, 0.8);

    FlrParameters {
        if (topK < 1 || temperature <= 0 || neutralQuantile <= 0 || neutralQuantile > 1
                || rephraseThreshold <= 0 || rephraseThreshold > 1) {
            throw new IllegalArgumentException("bad FLR parameters");
        }
    }
}
