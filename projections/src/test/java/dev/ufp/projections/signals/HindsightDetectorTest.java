package dev.ufp.projections.signals;

import org.junit.jupiter.api.Test;

import static dev.ufp.projections.projector.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

class HindsightDetectorTest {

    private final Fixture f = new Fixture().given(started("alice"),
            prompt("p1", 1, "t1", "Write a Python function that parses dates", null),
            response("g1", 2, "r1", "t1", "def parse(s): return datetime.strptime(s, '%Y-%m-%d')"),
            prompt("p2", 3, "t2", "Now make a chart of it", "r1"),
            response("g2", 4, "r2", "t2", "import matplotlib.pyplot as plt; plt.plot(values)"));

    @Test
    void aNegativeFollowUpReferringToTheFirstAnswerRevisesItInBothDocuments() {
        f.given(prompt("p3", 60, "t3", "Your first answer didn't work, the parse crashed", "r2"));
        var r1 = f.response("r1");
        var r2 = f.response("r2");
        assertThat(f.activeSignals("r1", "hindsight")).singleElement().satisfies(s -> {
            assertThat(s.value).isNegative();
            assertThat(s.sourceEventIds).containsExactly("p3");
            assertThat(s.details.followUpResponseId).isEqualTo("r2");
            assertThat(s.detector).isEqualTo(HindsightDetector.NAME);
            assertThat(r1.revisedBySignals).containsExactly(s.signalId);
        });
        assertThat(r1.scoreComponents).containsKey("hindsight");
        assertThat(r2.revisesResponses).containsExactly("r1");
        assertThat(f.activeSignals("r2", "follow_up")).singleElement()
                .satisfies(s -> assertThat(s.value).isNegative());
    }

    @Test
    void aNegativeFollowUpSharingTheEarlierAnswersWordsRevisesIt() {
        f.given(prompt("p3", 60, "t3", "wrong: datetime.strptime parse fails on '%Y-%m-%d' input", "r2"));
        assertThat(f.activeSignals("r1", "hindsight")).hasSize(1);
    }

    @Test
    void aPositiveFollowUpRevisesNothing() {
        f.given(prompt("p3", 60, "t3", "Thanks, your first answer works great", "r2"));
        assertThat(f.signals("r1", "hindsight")).isEmpty();
        assertThat(f.response("r2").revisesResponses).isEmpty();
    }

    @Test
    void aNegativeFollowUpAboutTheLatestAnswerOnlyIsNoHindsight() {
        f.given(prompt("p3", 60, "t3", "No, the chart is wrong", "r2"));
        assertThat(f.signals("r1", "hindsight")).isEmpty();
        assertThat(f.activeSignals("r2", "follow_up")).hasSize(1);
    }

    @Test
    void overlapIsTheShareOfFollowUpWordsFoundInTheResponse() {
        assertThat(HindsightDetector.overlap("strptime parse crashed", "def parse(s): strptime")).isEqualTo(2.0 / 3);
        assertThat(HindsightDetector.overlap("hello", null)).isZero();
    }
}
