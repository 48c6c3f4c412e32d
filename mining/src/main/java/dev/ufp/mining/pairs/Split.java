package dev.ufp.mining.pairs;

/**
 * The deterministic train/test split: by a hash of the normalised prompt text alone, so every pair and label of
 * one prompt — in any context, any tenant, any dataset version — falls on the same side.
 */
public final class Split {

    public static final String TRAIN = "train";
    public static final String TEST = "test";

    private Split() {
    }

    public static String of(String prompt, double testFraction) {
        return bucket(prompt) < testFraction ? TEST : TRAIN;
    }

    /** The prompt's position in [0, 1). */
    static double bucket(String prompt) {
        byte[] hash = Hashes.sha256("split\u0000" + Hashes.normalise(prompt));
        long high = 0;
        for (int i = 0; i < 7; i++) {
            high = (high << 8) | (hash[i] & 0xff);
        }
        return high / (double) (1L << 56);
    }
}
