package dev.ufp.projections.projector;

import dev.ufp.ingestion.contract.ConversationClosed;
import dev.ufp.ingestion.contract.ConversationStarted;
import dev.ufp.ingestion.contract.FeedbackCommented;
import dev.ufp.ingestion.contract.PromptSubmitted;
import dev.ufp.ingestion.contract.Reaction;
import dev.ufp.ingestion.contract.ReactionAdded;
import dev.ufp.ingestion.contract.ReactionRemoved;
import dev.ufp.ingestion.contract.RegenerateRequested;
import dev.ufp.ingestion.contract.ResponseCopied;
import dev.ufp.ingestion.contract.ResponseGenerated;
import dev.ufp.ingestion.contract.ResponseShared;
import dev.ufp.ingestion.contract.SpanCorrected;

import java.time.Instant;
import java.util.Map;

/** Event records for tests, in conversation {@value #C}, at {@link #T0} plus seconds. */
public final class Events {

    public static final String C = "c1";
    public static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private Events() {
    }

    public static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    public static ConversationStarted started(String user) {
        return new ConversationStarted("e-start", C, T0, user, "app", "en", Map.of("cohort", "beta"));
    }

    public static PromptSubmitted prompt(String id, int s, String turn, String text, String follows) {
        return new PromptSubmitted(id, C, at(s), turn, text, follows);
    }

    public static ResponseGenerated response(String id, int s, String responseId, String turn, String text) {
        return regenerated(id, s, responseId, turn, text, null);
    }

    public static ResponseGenerated regenerated(String id, int s, String responseId, String turn, String text,
                                                String regenerates) {
        return new ResponseGenerated(id, C, at(s), responseId, turn, text, "m1", "2026-11", "A", regenerates,
                120L, 10, 20);
    }

    public static ReactionAdded react(String id, int s, String responseId, String user, Reaction reaction) {
        return new ReactionAdded(id, C, at(s), responseId, user, reaction, null);
    }

    public static ReactionRemoved unreact(String id, int s, String responseId, String user, Reaction reaction) {
        return new ReactionRemoved(id, C, at(s), responseId, user, reaction, null);
    }

    public static ResponseCopied copied(String id, int s, String responseId, String user) {
        return new ResponseCopied(id, C, at(s), responseId, user);
    }

    public static ResponseShared shared(String id, int s, String responseId, String user) {
        return new ResponseShared(id, C, at(s), responseId, user);
    }

    public static RegenerateRequested regenerate(String id, int s, String responseId, String user) {
        return new RegenerateRequested(id, C, at(s), responseId, user);
    }

    public static SpanCorrected corrected(String id, int s, String responseId, String user, int start, int end,
                                          String correction) {
        return new SpanCorrected(id, C, at(s), responseId, user, start, end, correction);
    }

    public static FeedbackCommented commented(String id, int s, String responseId, String user, Integer rating) {
        return new FeedbackCommented(id, C, at(s), responseId, user, "comment", rating);
    }

    public static ConversationClosed closed(String id, int s) {
        return new ConversationClosed(id, C, at(s), "user-left");
    }
}
