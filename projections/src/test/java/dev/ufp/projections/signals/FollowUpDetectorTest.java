package dev.ufp.projections.signals;

import dev.ufp.projections.followup.LexicalFollowUpClassifier;
import dev.ufp.projections.followup.FollowUpClass;
import dev.ufp.projections.followup.FollowUpClassifier;
import dev.ufp.projections.followup.FollowUpVerdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.ufp.projections.projector.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

class FollowUpDetectorTest {

    /** Answers NEGATIVE -0.9 and records what it was asked. */
    static final class Recording implements FollowUpClassifier {
        final List<List<String>> calls = new ArrayList<>();

        @Override
        public FollowUpVerdict classify(String previousPrompt, String response, String followUp) {
            calls.add(List.of(String.valueOf(previousPrompt), response, followUp));
            return new FollowUpVerdict(FollowUpClass.NEGATIVE, -0.9, 0.8, "instruction-following");
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public String version() {
            return "7";
        }
    }

    @Test
    void aPromptThatFollowsAResponseIsClassifiedAgainstThatResponseAndItsPrompt() {
        Recording classifier = new Recording();
        Fixture f = new Fixture(classifier, SignalProperties.defaults()).given(started("alice"),
                prompt("p1", 1, "t1", "Sort a list?", null), response("g1", 2, "r1", "t1", "Use sorted(xs)."),
                prompt("p2", 3, "t2", "You didn't follow my instructions", "r1"));
        assertThat(classifier.calls).containsExactly(List.of("Sort a list?", "Use sorted(xs).",
                "You didn't follow my instructions"));
        var r1 = f.response("r1");
        assertThat(r1.followUp.text).isEqualTo("You didn't follow my instructions");
        assertThat(r1.followUp.kind).isEqualTo("negative");
        assertThat(r1.followUp.category).isEqualTo("instruction-following");
        assertThat(f.activeSignals("r1", "follow_up")).singleElement().satisfies(s -> {
            assertThat(s.value).isEqualTo(-0.9);
            assertThat(s.detector).isEqualTo("recording");
            assertThat(s.detectorVersion).isEqualTo("7");
            assertThat(s.sourceEventIds).containsExactly("p2");
        });
        assertThat(r1.scoreComponents).containsEntry("follow_up", -0.9);
    }

    @Test
    void aPromptWithoutFollowsResponseIdIsNoFollowUp() {
        Recording classifier = new Recording();
        Fixture f = new Fixture(classifier, SignalProperties.defaults()).given(started("alice"),
                prompt("p1", 1, "t1", "Sort a list?", null), response("g1", 2, "r1", "t1", "Use sorted(xs)."),
                prompt("p2", 3, "t2", "Another question", null));
        assertThat(classifier.calls).isEmpty();
        assertThat(f.response("r1").followUp).isNull();
    }

    @Test
    void theLexicalClassifierSeparatesPraiseComplaintsAndRephrases() {
        var stub = new LexicalFollowUpClassifier();
        assertThat(stub.classify("q", "a", "Thanks, exactly what I needed!").kind()).isEqualTo(FollowUpClass.POSITIVE);
        assertThat(stub.classify("q", "a", "That's not what I was asking").kind()).isEqualTo(FollowUpClass.NEGATIVE);
        assertThat(stub.classify("how do I sort a list", "a", "how do I sort a list please").kind())
                .isEqualTo(FollowUpClass.REPHRASE);
        assertThat(stub.classify("how do I sort", "a", "And dictionaries?").kind()).isEqualTo(FollowUpClass.NEUTRAL);
    }
}
