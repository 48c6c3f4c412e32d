package dev.ufp.projections.signals;

import dev.ufp.projections.followup.LexicalFollowUpClassifier;
import dev.ufp.ingestion.contract.Reaction;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.ufp.projections.projector.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

class ReactionDetectorTest {

    private final Fixture f = new Fixture().given(started("alice"), prompt("p1", 1, "t1", "Sort a list?", null),
            response("g1", 2, "r1", "t1", "Use sorted(xs)."));

    @Test
    void loveIsTheStrongestPositiveSignalAndCounts() {
        f.given(react("e1", 3, "r1", "alice", Reaction.LOVE), react("e2", 4, "r1", "bob", Reaction.THUMBS_UP));
        var r1 = f.response("r1");
        assertThat(r1.reactionCounts).containsEntry("love", 1).containsEntry("thumbs_up", 1);
        assertThat(r1.loved).isTrue();
        assertThat(f.activeSignals("r1", "reaction")).extracting(s -> s.value).containsExactly(1.0, 0.6);
        assertThat(SignalProperties.defaults().reactions().values()).allMatch(v -> v <= 1.0);
        assertThat(r1.signalScore).isEqualTo(1.6);
        assertThat(f.activeSignals("r1", "reaction").get(0).detector).isEqualTo(ReactionDetector.NAME);
    }

    @Test
    void theMappingIsConfigurable() {
        var properties = new SignalProperties(Map.of(Reaction.LAUGH, -0.1), -0.6, 0.5, 0.7, -0.5, -0.2, -0.8, null);
        var custom = new Fixture(new LexicalFollowUpClassifier(), properties).given(started("alice"),
                prompt("p1", 1, "t1", "Joke?", null), response("g1", 2, "r1", "t1", "Knock knock."),
                react("e1", 3, "r1", "alice", Reaction.LAUGH));
        assertThat(custom.response("r1").signalScore).isEqualTo(-0.1);
        assertThat(custom.activeSignals("r1", "reaction").get(0).polarity).isEqualTo("negative");
    }

    @Test
    void aRemovalRetractsTheSignalAndTheCount() {
        f.given(react("e1", 3, "r1", "alice", Reaction.LOVE), unreact("e2", 4, "r1", "alice", Reaction.LOVE));
        var r1 = f.response("r1");
        assertThat(r1.reactionCounts.get("love")).isZero();
        assertThat(r1.loved).isFalse();
        assertThat(r1.signalScore).isZero();
        assertThat(f.signals("r1", "reaction")).singleElement().satisfies(s -> {
            assertThat(s.active).isFalse();
            assertThat(s.retractedByEventId).isEqualTo("e2");
            assertThat(s.retractedAt).isEqualTo(at(4));
        });
    }

    @Test
    void aFlipRetractsTheEarlierSignalAndTheLatestWins() {
        f.given(react("e1", 3, "r1", "alice", Reaction.THUMBS_UP), react("e2", 4, "r1", "alice", Reaction.THUMBS_DOWN));
        assertThat(f.activeSignals("r1", "reaction")).singleElement().satisfies(s -> {
            assertThat(s.details.reaction).isEqualTo("THUMBS_DOWN");
            assertThat(s.sourceEventIds).containsExactly("e2");
        });
        assertThat(f.signals("r1", "reaction")).filteredOn(s -> !s.active).singleElement()
                .satisfies(s -> assertThat(s.retractedByEventId).isEqualTo("e2"));
        assertThat(f.response("r1").signalScore).isEqualTo(-0.7);

        f.given(unreact("e3", 5, "r1", "alice", Reaction.THUMBS_DOWN));
        assertThat(f.activeSignals("r1", "reaction")).singleElement()
                .satisfies(s -> assertThat(s.details.reaction).isEqualTo("THUMBS_UP"));
        assertThat(f.response("r1").signalScore).isEqualTo(0.6);
    }

    @Test
    void reapplyingTheSameEventsGivesAnIdenticalDocument() {
        var events = new dev.ufp.ingestion.contract.FeedbackEvent[]{react("e1", 3, "r1", "alice", Reaction.THUMBS_UP),
                react("e2", 4, "r1", "alice", Reaction.LOVE), unreact("e3", 5, "r1", "alice", Reaction.LOVE),
                react("e4", 6, "r1", "bob", Reaction.LOVE)};
        f.given(events);
        String once = f.documents.snapshot();
        f.given(events);
        assertThat(f.documents.snapshot()).isEqualTo(once);
        assertThat(f.response("r1").reactionCounts).containsEntry("love", 1).containsEntry("thumbs_up", 1);
    }
}
