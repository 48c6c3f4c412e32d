package dev.ufp.projections.followup;

/** What a follow-up utterance says about the response it follows. */
public enum FollowUpClass {
    /** satisfied: "That's exactly what I asked for". */
    POSITIVE,
    /** dissatisfied: "That's not what I was asking", "You didn't follow my instructions". */
    NEGATIVE,
    /** the conversation simply goes on. */
    NEUTRAL,
    /** the user asks the previous prompt again in other words: a retry, implicitly negative. */
    REPHRASE
}
