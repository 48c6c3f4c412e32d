package dev.ufp.mining.reward;

/**
 * How inputs become features.
 *
 * @param contextUserTurns how many earlier user turns are joined to the prompt (0 = the prompt alone)
 * @param lengthBuckets    adds a one-hot log2 bucket of the response length. Off by default: a length feature
 *                         lets the head learn "longer is better" (or shorter), the cheapest reward hack there is;
 *                         the evaluation report's length correlation is the guard either way.
 */
public record FeatureOptions(int contextUserTurns, boolean lengthBuckets) {

    public static final int LENGTH_BUCKETS = 8;

    public FeatureOptions {
        if (contextUserTurns < 0) {
            throw new IllegalArgumentException("contextUserTurns must be >= 0");
        }
    }

    public static FeatureOptions defaults() {
        return new FeatureOptions(2, false);
    }
}
