package dev.ufp.mining.pairs;

/**
 * The miner's rules (version {@value #VERSION}).
 *
 * @param minEvidence       active signals each side of a pair (or a label) needs at least
 * @param maxPairsPerPrompt pairs kept per prompt group, the largest margins first — bounds a popular prompt
 * @param labelThreshold    |score| a single response needs for an unpaired label
 * @param strengthScale     margin at which strength reaches 63% of its evidence-limited ceiling
 * @param testFraction      share of prompts in the test split
 */
public record MiningRules(int minEvidence, int maxPairsPerPrompt, double labelThreshold, double strengthScale,
                          double testFraction) {

    public static final String VERSION = "pairs-v1";

    public static MiningRules defaults() {
        return new MiningRules(1, 50, 0.8, 0.5, 0.1);
    }
}
