package dev.ufp.projections.projector;

import dev.ufp.ingestion.contract.FeedbackEvent;
import dev.ufp.ingestion.contract.Reaction;
import dev.ufp.projections.signals.SignalProperties;
import dev.ufp.projections.followup.LexicalFollowUpClassifier;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.ufp.projections.projector.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The projector's promise: re-applying any suffix of the history (a redelivered batch) changes nothing. */
class ProjectorTest {

    private static final List<FeedbackEvent> HISTORY = List.of(started("alice"),
            prompt("p1", 1, "t1", "Parse dates?", null), response("g1", 2, "r1", "t1", "Use strptime."),
            react("e1", 3, "r1", "alice", Reaction.THUMBS_UP), react("e2", 4, "r1", "alice", Reaction.LOVE),
            copied("e3", 5, "r1", "bob"), prompt("p2", 6, "t2", "Great, now plot it", "r1"),
            response("g2", 7, "r2", "t2", "plt.plot()"), regenerate("e4", 8, "r2", "alice"),
            regenerated("g3", 9, "r3", "t2", "import matplotlib", "r2"), corrected("e5", 10, "r3", "alice", 0, 6, "from"),
            unreact("e6", 11, "r1", "alice", Reaction.LOVE), shared("e7", 12, "r3", "carol"),
            prompt("p3", 13, "t3", "Wrong, and your first answer didn't work either", "r3"),
            commented("e8", 14, "r3", "alice", 2), closed("e9", 20));

    @Test
    void reapplyingAnySuffixOfTheHistoryGivesIdenticalDocuments() {
        InMemoryDocuments once = project(HISTORY);
        for (int from = 0; from < HISTORY.size(); from++) {
            InMemoryDocuments twice = project(HISTORY);
            Projector projector = projector();
            HISTORY.subList(from, HISTORY.size()).forEach(e -> projector.apply("acme", e, twice));
            assertThat(twice.snapshot()).as("re-applied from event %d", from).isEqualTo(once.snapshot());
        }
    }

    @Test
    void documentsCarryPromptCohortAndDerivedScore() {
        InMemoryDocuments documents = project(HISTORY);
        var r1 = documents.response("acme", C, "r1");
        assertThat(r1.promptText).isEqualTo("Parse dates?");
        assertThat(r1.attributes).containsEntry("cohort", "beta");
        assertThat(r1.reactionCounts).containsEntry("love", 0).containsEntry("thumbs_up", 1);
        // thumbs up reinstated (0.6) + copy (0.5) + the follow-up's polarity + hindsight (-0.8 × confidence, ≥ 0.5)
        LexicalFollowUpClassifier classifier = new LexicalFollowUpClassifier();
        double followUp = classifier.classify("Parse dates?", "Use strptime.", "Great, now plot it").polarity();
        double hindsight = -0.8 * Math.max(0.5, classifier.classify("Great, now plot it", "import matplotlib",
                "Wrong, and your first answer didn't work either").confidence());
        assertThat(followUp).as("'Great, …' reads as positive").isPositive();
        assertThat(r1.signalScore).isCloseTo(0.6 + 0.5 + followUp + hindsight, org.assertj.core.data.Offset.offset(0.01));
        var conversation = documents.conversation("acme", C);
        assertThat(conversation.turns).isEqualTo(3);
        assertThat(conversation.responseCount).isEqualTo(3);
        assertThat(conversation.durationSeconds).isEqualTo(20);
        assertThat(conversation.outcome).isEqualTo("closed");
    }

    private static InMemoryDocuments project(List<FeedbackEvent> events) {
        InMemoryDocuments documents = new InMemoryDocuments();
        Projector projector = projector();
        events.forEach(e -> projector.apply("acme", e, documents));
        return documents;
    }

    private static Projector projector() {
        return new Projector(SignalProperties.defaults(), new LexicalFollowUpClassifier());
    }
}
