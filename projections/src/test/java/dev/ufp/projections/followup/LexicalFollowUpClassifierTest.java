package dev.ufp.projections.followup;

import dev.ufp.projections.followup.FollowUpClassifier.FollowUpInput;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ufp.projections.followup.FollowUpCases.*;
import static org.assertj.core.api.Assertions.assertThat;

class LexicalFollowUpClassifierTest {

    private final LexicalFollowUpClassifier classifier = new LexicalFollowUpClassifier();

    @Test
    void obviousPositive() {
        FollowUpVerdict v = classifier.classify(PROMPT, RESPONSE, OBVIOUS_POSITIVE);
        assertThat(v.kind()).isEqualTo(FollowUpClass.POSITIVE);
        assertThat(v.polarity()).isPositive();
    }

    @Test
    void obviousNegative() {
        FollowUpVerdict v = classifier.classify(PROMPT, RESPONSE, OBVIOUS_NEGATIVE);
        assertThat(v.kind()).isEqualTo(FollowUpClass.NEGATIVE);
        assertThat(v.polarity()).isNegative();
    }

    @Test
    void rephraseByTokenOverlap() {
        FollowUpVerdict v = classifier.classify(PROMPT, RESPONSE, "how do I reverse a python list");
        assertThat(v.kind()).isEqualTo(FollowUpClass.REPHRASE);
        assertThat(v.polarity()).isNegative();
    }

    @Test
    void neutralContinuation() {
        FollowUpVerdict v = classifier.classify(WEATHER_PROMPT, RESPONSE, NEUTRAL_CONTINUATION);
        assertThat(v.kind()).isEqualTo(FollowUpClass.NEUTRAL);
        assertThat(v.polarity()).isZero();
    }

    @Test
    void blankFollowUpIsNeutral() {
        assertThat(classifier.classify(PROMPT, RESPONSE, " ").kind()).isEqualTo(FollowUpClass.NEUTRAL);
        assertThat(classifier.classify(null, RESPONSE, null).kind()).isEqualTo(FollowUpClass.NEUTRAL);
    }

    @Test
    void batchedEqualsSingle() {
        List<FollowUpInput> inputs = List.of(new FollowUpInput(PROMPT, RESPONSE, OBVIOUS_POSITIVE),
                new FollowUpInput(null, RESPONSE, OBVIOUS_NEGATIVE),
                new FollowUpInput(WEATHER_PROMPT, RESPONSE, NEUTRAL_CONTINUATION));
        assertThat(classifier.classifyAll(inputs)).containsExactlyElementsOf(inputs.stream()
                .map(i -> classifier.classify(i.previousPrompt(), i.response(), i.followUp())).toList());
    }

    @Test
    void nameAndVersion() {
        assertThat(classifier.name()).isEqualTo("flr-lexical");
        assertThat(classifier.version()).isEqualTo("1");
    }
}
