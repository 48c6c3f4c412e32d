package dev.ufp.projections.followup;

/**
 * A classifier's verdict on one follow-up.
 *
 * @param kind       the class
 * @param polarity   signed strength in [-1, 1]: positive means the user was satisfied with the response
 * @param confidence in [0, 1]
 * @param category   the FLR category that matched best (understanding, relevance, correctness, engagingness,
 *                   informativeness, instruction-following), or null
 */
public record FollowUpVerdict(FollowUpClass kind, double polarity, double confidence, String category) {
}
