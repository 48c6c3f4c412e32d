package dev.ufp.projections.followup;

/**
 * A test classifier whose verdicts differ from the lexical one's for every follow-up: negative becomes positive,
 * anything else negative (with a category) — so a second stage that replaces lexical verdicts changes every one,
 * and withdraws or adds hindsight revisions.
 */
public final class ContrarianClassifier implements FollowUpClassifier {

    private final LexicalFollowUpClassifier lexical = new LexicalFollowUpClassifier();

    @Override
    public FollowUpVerdict classify(String previousPrompt, String response, String followUp) {
        return lexical.classify(previousPrompt, response, followUp).kind() == FollowUpClass.NEGATIVE
                ? new FollowUpVerdict(FollowUpClass.POSITIVE, 0.7, 0.7, "understanding")
                : new FollowUpVerdict(FollowUpClass.NEGATIVE, -0.9, 0.9, "correctness");
    }

    @Override
    public String name() {
        return "contrarian";
    }

    @Override
    public String version() {
        return "1";
    }
}
