package dev.ufp.mining.reward;

/**
 * How inputs become features.
 *
 * @param contextUserTurns how many earlier user turns are joined to the prompt (0 = the prompt alone)
 * @param lengthBuckets    adds a one-hot log2 bucket of the response length. Off by default: a length feature
 *                         lets the head learn "longer is better" (or shorter), the cheapest reward hack there is;
 *                         the evaluation report's length correlation is the guard either way.
 * @param responseChunkChars a response is embedded in chunks of whole sentences of up to this many characters and
 *                           the chunk vectors averaged (0 = the response as one text). The encoder reads only its
 *                           first 128 word pieces, so without chunks everything after the first few sentences of a
 *                           long response is invisible to the model.
 */
public record FeatureOptions(int contextUserTurns, boolean lengthBuckets, int responseChunkChars) {

    public static final int LENGTH_BUCKETS = 8;

    public FeatureOptions {
        if (contextUserTurns < 0) {
            throw new IllegalArgumentException("contextUserTurns must be >= 0");
        }
        if (responseChunkChars < 0) {
            throw new IllegalArgumentException("responseChunkChars must be >= 0");
        }
    }

    /** Responses embedded whole (as models registered before chunking were). */
    public FeatureOptions(int contextUserTurns, boolean lengthBuckets) {
        this(contextUserTurns, lengthBuckets, 0);
    }

    public static FeatureOptions defaults() {
        return new FeatureOptions(2, false, 400);
    }
}
