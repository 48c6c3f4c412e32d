package dev.ufp.projections.signals;

import dev.ufp.projections.followup.LexicalFollowUpClassifier;
import dev.ufp.ingestion.contract.Reaction;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.ufp.projections.projector.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

class AbandonmentDetectorTest {

    private final SignalProperties window = SignalProperties.defaults().withAbandonmentWindow(Duration.ofMinutes(10));
    private final Fixture f = new Fixture(new LexicalFollowUpClassifier(), window).given(started("alice"),
            prompt("p1", 1, "t1", "Sort a list?", null), response("g1", 2, "r1", "t1", "Use sorted(xs)."));
    private final AbandonmentDetector detector = new AbandonmentDetector(window);

    @Test
    void noFollowUpAndNoReactionWithinTheWindowIsAWeakNegativeDatedAtTheDeadline() {
        var r1 = f.response("r1");
        assertThat(r1.abandonmentDeadline).isEqualTo(at(2).plus(Duration.ofMinutes(10)));
        assertThat(AbandonmentDetector.due(r1, at(2).plus(Duration.ofMinutes(9)))).isFalse();
        assertThat(AbandonmentDetector.due(r1, at(2).plus(Duration.ofMinutes(11)))).isTrue();
        detector.abandon(r1);
        Scores.recompute(r1);
        assertThat(r1.abandoned).isTrue();
        assertThat(r1.signals).singleElement().satisfies(s -> {
            assertThat(s.kind).isEqualTo("abandonment");
            assertThat(s.value).isEqualTo(-0.2);
            assertThat(s.occurredAt).isEqualTo(r1.abandonmentDeadline);
        });
        assertThat(AbandonmentDetector.due(r1, at(5000))).isFalse();
    }

    @Test
    void aReactionWithinTheWindowMeansNotAbandoned() {
        f.given(react("e1", 60, "r1", "alice", Reaction.THUMBS_UP));
        assertThat(AbandonmentDetector.due(f.response("r1"), at(5000))).isFalse();
    }

    @Test
    void aFollowUpAfterTheWindowDoesNotUndoAbandonment() {
        f.given(prompt("p2", 3600, "t2", "Thanks!", "r1"));
        assertThat(AbandonmentDetector.due(f.response("r1"), at(5000))).isTrue();
    }

    @Test
    void anAbandonmentDecidedBeforeALaggingInWindowReactionIsWithdrawnAsIfTheReactionHadComeInTime() {
        abandonR1();
        f.given(react("e1", 60, "r1", "alice", Reaction.LOVE));
        var after = f.response("r1");
        assertThat(after.abandoned).isFalse();
        assertThat(after.interacted).isTrue();
        assertThat(f.signals("r1", "abandonment")).isEmpty();
        assertThat(after.signalScore).isEqualTo(1.0);

        Fixture inTime = new Fixture(new LexicalFollowUpClassifier(), window).given(started("alice"),
                prompt("p1", 1, "t1", "Sort a list?", null), response("g1", 2, "r1", "t1", "Use sorted(xs)."),
                react("e1", 60, "r1", "alice", Reaction.LOVE));
        assertThat(f.documents.snapshot()).isEqualTo(inTime.documents.snapshot());
    }

    @Test
    void theAbandonmentSignalStaysLastWhicheverSignalJoinsAfterIt() {
        abandonR1();
        f.given(react("e1", 3600, "r1", "alice", Reaction.THUMBS_DOWN));
        assertThat(f.response("r1").signals).extracting(s -> s.kind).containsExactly("reaction", "abandonment");
    }

    /** What the sweep does to r1: the signal, the derived fields, the stored document. */
    private void abandonR1() {
        var r1 = f.response("r1");
        detector.abandon(r1);
        Scores.recompute(r1);
        f.documents.put(r1);
    }
}
