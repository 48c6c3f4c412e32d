package dev.ufp.projections.followup;

import dev.ufp.projections.followup.FollowUpClassifier.FollowUpInput;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.ufp.projections.followup.FollowUpCases.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EmbeddingFollowUpClassifierTest {

    private final EmbeddingFollowUpClassifier classifier = EmbeddingFollowUpClassifier.shared();

    @Test
    void obviousPositive() {
        FollowUpVerdict v = classifier.classify(PROMPT, RESPONSE, OBVIOUS_POSITIVE);
        assertThat(v.kind()).isEqualTo(FollowUpClass.POSITIVE);
        assertThat(v.polarity()).isPositive();
        assertThat(v.category()).isIn(categoryNames());
    }

    @Test
    void obviousNegative() {
        FollowUpVerdict v = classifier.classify(PROMPT, RESPONSE, OBVIOUS_NEGATIVE);
        assertThat(v.kind()).isEqualTo(FollowUpClass.NEGATIVE);
        assertThat(v.polarity()).isLessThanOrEqualTo(-0.5);
        assertThat(v.category()).isIn(categoryNames());
    }

    @Test
    void rephraseOfThePreviousPrompt() {
        FollowUpVerdict v = classifier.classify(PROMPT, RESPONSE, REPHRASED_PROMPT);
        assertThat(v.kind()).isEqualTo(FollowUpClass.REPHRASE);
        assertThat(v.polarity()).isNegative();
    }

    @Test
    void sameTextWithoutThePreviousPromptIsNoRephrase() {
        assertThat(classifier.classify(null, RESPONSE, REPHRASED_PROMPT).kind()).isNotEqualTo(FollowUpClass.REPHRASE);
    }

    @Test
    void neutralContinuationIsNotStronglyPolar() {
        FollowUpVerdict v = classifier.classify(WEATHER_PROMPT, RESPONSE, NEUTRAL_CONTINUATION);
        assertThat(v.kind()).isEqualTo(FollowUpClass.NEUTRAL);
        assertThat(Math.abs(v.polarity())).isLessThan(0.5);
        assertThat(v.category()).isNull();
    }

    @Test
    void blankFollowUpIsNeutral() {
        assertThat(classifier.classify(PROMPT, RESPONSE, "").kind()).isEqualTo(FollowUpClass.NEUTRAL);
    }

    @Test
    void polarityStaysInRange() {
        for (String s : List.of("You suck.", "Perfect, thank you!", "lol", "What?", "I have two cats.")) {
            assertThat(classifier.classify(null, RESPONSE, s).polarity()).isBetween(-1.0, 1.0);
        }
    }

    @Test
    void batchedEqualsSingle() {
        List<FollowUpInput> inputs = List.of(new FollowUpInput(PROMPT, RESPONSE, OBVIOUS_POSITIVE),
                new FollowUpInput(null, RESPONSE, OBVIOUS_NEGATIVE),
                new FollowUpInput(PROMPT, RESPONSE, REPHRASED_PROMPT),
                new FollowUpInput(WEATHER_PROMPT, RESPONSE, NEUTRAL_CONTINUATION),
                new FollowUpInput(NEUTRAL_CONTINUATION, RESPONSE, OBVIOUS_POSITIVE));
        List<FollowUpVerdict> batched = classifier.classifyAll(inputs);
        assertThat(batched).hasSize(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            FollowUpInput in = inputs.get(i);
            FollowUpVerdict single = classifier.classify(in.previousPrompt(), in.response(), in.followUp());
            assertThat(batched.get(i).kind()).isEqualTo(single.kind());
            assertThat(batched.get(i).category()).isEqualTo(single.category());
            assertThat(batched.get(i).polarity()).isCloseTo(single.polarity(), within(1e-5));
            assertThat(batched.get(i).confidence()).isCloseTo(single.confidence(), within(1e-5));
        }
    }

    @Test
    void classifyAllEmbedsTheBatchInOneEncoderCall() {
        CountingEncoder counting = new CountingEncoder(MiniLmSentenceEncoder.shared());
        EmbeddingFollowUpClassifier own = new EmbeddingFollowUpClassifier(counting,
                FollowUpPrototypes.loadDefault(), FlrParameters.DEFAULTS);
        counting.calls.clear();
        own.classifyAll(List.of(new FollowUpInput(PROMPT, RESPONSE, REPHRASED_PROMPT),
                new FollowUpInput(REPHRASED_PROMPT, RESPONSE, OBVIOUS_POSITIVE),
                new FollowUpInput(null, RESPONSE, OBVIOUS_NEGATIVE)));
        assertThat(counting.calls).hasSize(1);
        assertThat(counting.calls.get(0)).as("distinct texts only").isEqualTo(4);
    }

    @Test
    void aTextSeenInAnEarlierBatchIsNotEmbeddedAgain() {
        CountingEncoder counting = new CountingEncoder(MiniLmSentenceEncoder.shared());
        CachedSentenceEncoder cached = new CachedSentenceEncoder(counting, 2);
        float[][] first = cached.encodeAll(List.of(PROMPT, REPHRASED_PROMPT));
        float[][] second = cached.encodeAll(List.of(REPHRASED_PROMPT, OBVIOUS_POSITIVE));
        assertThat(counting.calls).as("texts embedded per call").containsExactly(2, 1);
        assertThat(second[0]).isEqualTo(first[1]);
        assertThat(SentenceEncoder.cosine(second[1], MiniLmSentenceEncoder.shared().encode(OBVIOUS_POSITIVE)))
                .isCloseTo(1.0, within(1e-5));
        cached.encodeAll(List.of(PROMPT));
        assertThat(counting.calls).as("the least recently used text was evicted").containsExactly(2, 1, 1);
    }

    @Test
    void marginIsCalibratedOnNeutralAnchors() {
        assertThat(classifier.neutralMargin()).isBetween(1e-3, 0.5);
    }

    @Test
    void nameAndVersion() {
        assertThat(classifier.name()).isEqualTo("flr-minilm");
        assertThat(classifier.version()).isEqualTo("1");
    }

    @Test
    void prototypesFollowFlr() {
        FollowUpPrototypes p = FollowUpPrototypes.loadDefault();
        assertThat(categoryNames()).containsExactlyInAnyOrder("understanding", "relevance", "correctness",
                "engagingness", "informativeness", "instruction-following");
        assertThat(p.categories()).allSatisfy(c -> {
            assertThat(c.positive()).hasSize(10).doesNotHaveDuplicates();
            assertThat(c.negative()).hasSize(10).doesNotHaveDuplicates();
        });
        assertThat(p.neutralAnchors()).doesNotContain(NEUTRAL_CONTINUATION);
    }

    private static Set<String> categoryNames() {
        return FollowUpPrototypes.loadDefault().categories().stream()
                .map(FollowUpPrototypes.Category::name).collect(Collectors.toSet());
    }

    private static final class CountingEncoder implements SentenceEncoder {
        final List<Integer> calls = new ArrayList<>();
        private final SentenceEncoder delegate;

        CountingEncoder(SentenceEncoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public float[][] encodeAll(List<String> texts) {
            calls.add(texts.size());
            return delegate.encodeAll(texts);
        }
    }
}
