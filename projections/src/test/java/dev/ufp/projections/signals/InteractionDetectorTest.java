package dev.ufp.projections.signals;

import org.junit.jupiter.api.Test;

import static dev.ufp.projections.projector.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

class InteractionDetectorTest {

    private final Fixture f = new Fixture().given(started("alice"), prompt("p1", 1, "t1", "Sort a list?", null),
            response("g1", 2, "r1", "t1", "Use xs.sort() or sorted(xs)."));

    @Test
    void aRegenerateRequestAndTheRegenerationAreOneNegativeSignalForTheReplacedResponse() {
        f.given(regenerate("e1", 3, "r1", "alice"), regenerated("g2", 4, "r2", "t1", "Try sorted(xs).", "r1"));
        assertThat(f.activeSignals("r1", "regenerate")).singleElement().satisfies(s -> {
            assertThat(s.value).isEqualTo(-0.6);
            assertThat(s.polarity).isEqualTo("negative");
            assertThat(s.sourceEventIds).containsExactly("e1", "g2");
            assertThat(s.occurredAt).isEqualTo(at(3));
        });
        assertThat(f.response("r1").regenerated).isTrue();
        assertThat(f.response("r2").regenerated).isFalse();
        assertThat(f.response("r2").regenerates).isEqualTo("r1");
    }

    @Test
    void aRegenerationWithoutARequestIsAlsoNegative() {
        f.given(regenerated("g2", 4, "r2", "t1", "Try sorted(xs).", "r1"));
        assertThat(f.response("r1").signalScore).isEqualTo(-0.6);
    }

    @Test
    void copyAndShareArePositiveOncePerUser() {
        f.given(copied("e1", 3, "r1", "alice"), copied("e2", 4, "r1", "alice"), shared("e3", 5, "r1", "bob"));
        var r1 = f.response("r1");
        assertThat(r1.copied).isTrue();
        assertThat(r1.shared).isTrue();
        assertThat(f.activeSignals("r1", "copy")).singleElement()
                .satisfies(s -> assertThat(s.sourceEventIds).containsExactly("e1", "e2"));
        assertThat(r1.scoreComponents).containsEntry("copy", 0.5).containsEntry("share", 0.7);
        assertThat(r1.signalScore).isEqualTo(1.2);
    }

    @Test
    void aSpanCorrectionIsNegativeAndKeepsTheSpan() {
        f.given(corrected("e1", 3, "r1", "alice", 4, 13, "list.sort()"));
        var r1 = f.response("r1");
        assertThat(r1.corrections).singleElement().satisfies(c -> {
            assertThat(c.original).isEqualTo("xs.sort()");
            assertThat(c.correction).isEqualTo("list.sort()");
        });
        assertThat(f.activeSignals("r1", "span_correction")).singleElement().satisfies(s -> {
            assertThat(s.value).isEqualTo(-0.5);
            assertThat(s.details.spanStart).isEqualTo(4);
            assertThat(s.details.spanEnd).isEqualTo(13);
            assertThat(s.details.correction).isEqualTo("list.sort()");
        });
        f.given(corrected("e1", 3, "r1", "alice", 4, 13, "list.sort()"));
        assertThat(f.response("r1").corrections).hasSize(1);
    }

    @Test
    void aCommentRatingMapsOneToFiveOntoMinusOneToOne() {
        f.given(commented("e1", 3, "r1", "alice", 5), commented("e2", 4, "r1", "bob", 1),
                commented("e3", 5, "r1", "carol", null));
        assertThat(f.signals("r1", "comment_rating")).extracting(s -> s.value).containsExactly(1.0, -1.0);
    }
}
