/**
 * Pair mining: responses grouped by prompt and context ({@link dev.ufp.mining.pairs.PromptKey}), pairs of
 * responses whose signals differ, their preference strength, and KTO-style unpaired labels
 * ({@link dev.ufp.mining.pairs.PairMiner}); the deterministic train/test {@link dev.ufp.mining.pairs.Split}.
 */
package dev.ufp.mining.pairs;
