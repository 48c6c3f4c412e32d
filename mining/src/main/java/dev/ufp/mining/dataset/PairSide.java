package dev.ufp.mining.dataset;

/**
 * One response of a pair, with the signal score that ranked it and how much evidence (active signals) backs it.
 */
public record PairSide(String conversationId, String responseId, String text, String model, String modelVersion,
                       String variant, double score, int evidence) {
}
