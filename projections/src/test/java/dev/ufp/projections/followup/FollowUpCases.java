package dev.ufp.projections.followup;

/** Hand-written follow-ups shared by the classifier tests. */
final class FollowUpCases {

    static final String RESPONSE = "Here is an answer.";
    static final String OBVIOUS_POSITIVE = "Thanks, that's exactly what I needed";
    static final String OBVIOUS_NEGATIVE = "That's not what I asked, you ignored my instructions";
    static final String PROMPT = "How do I reverse a list in Python?";
    static final String REPHRASED_PROMPT = "How can I reverse a Python list?";
    static final String WEATHER_PROMPT = "What is the weather like in London today?";
    static final String NEUTRAL_CONTINUATION = "ok, and what about Paris?";

    private FollowUpCases() {
    }
}
