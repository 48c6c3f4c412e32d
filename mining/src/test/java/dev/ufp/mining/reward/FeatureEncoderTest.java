package dev.ufp.mining.reward;

import dev.ufp.mining.dataset.Turn;
import dev.ufp.projections.followup.SentenceEncoder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureEncoderTest {

    /** Encodes a text as its length in every coordinate, and records what it was asked. */
    static final class CountingEncoder implements SentenceEncoder {
        final List<Integer> batchSizes = new ArrayList<>();
        final List<String> texts = new ArrayList<>();

        @Override
        public float[][] encodeAll(List<String> batch) {
            batchSizes.add(batch.size());
            texts.addAll(batch);
            float[][] out = new float[batch.size()][FeatureEncoder.EMBEDDING_DIM];
            for (int i = 0; i < out.length; i++) {
                java.util.Arrays.fill(out[i], batch.get(i).length());
            }
            return out;
        }
    }

    @Test
    void promptWithContextJoinsTheLastUserTurns() {
        RewardInput input = new RewardInput("now?", List.of(new Turn("user", "a"), new Turn("assistant", "x"),
                new Turn("user", "b"), new Turn("assistant", "y"), new Turn("user", "c")), "answer");
        assertThat(input.promptWithContext(2)).isEqualTo("b\nc\nnow?");
        assertThat(input.promptWithContext(0)).isEqualTo("now?");
        assertThat(new RewardInput(null, null, null).promptWithContext(2)).isEmpty();
    }

    @Test
    void eachDistinctTextIsEmbeddedOnceInBatchesAndCachedAcrossCalls() {
        CountingEncoder encoder = new CountingEncoder();
        FeatureEncoder features = new FeatureEncoder(encoder, new FeatureOptions(0, false), 1 << 20);
        List<RewardInput> inputs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            inputs.add(new RewardInput("same prompt", List.of(), "response " + i));
        }
        float[][] rows = features.encode(inputs);
        assertThat(rows).hasNumberOfRows(100);
        assertThat(rows[0]).hasSize(768);
        assertThat(rows[5][0]).isEqualTo("same prompt".length());
        assertThat(rows[5][384]).isEqualTo("response 5".length());
        assertThat(encoder.texts).hasSize(101);
        assertThat(encoder.batchSizes).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(FeatureEncoder.BATCH));
        features.encode(inputs.subList(0, 10));
        assertThat(encoder.texts).as("second call served from the cache").hasSize(101);
    }

    @Test
    void theCacheIsBoundedByMemory() {
        CountingEncoder encoder = new CountingEncoder();
        // room for about 3 embeddings of 384 floats
        FeatureEncoder features = new FeatureEncoder(encoder, new FeatureOptions(0, false), 3 * (4 * 384 + 96));
        features.encode(List.of(new RewardInput("p", List.of(), "a"), new RewardInput("p", List.of(), "b"),
                new RewardInput("p", List.of(), "c"), new RewardInput("p", List.of(), "d")));
        assertThat(features.cacheStats()).startsWith("cache 3/3 entries");
    }

    @Test
    void lengthBucketsAreOptIn() {
        FeatureEncoder plain = new FeatureEncoder(new CountingEncoder(), FeatureOptions.defaults(), 0);
        FeatureEncoder withLength = new FeatureEncoder(new CountingEncoder(), new FeatureOptions(2, true), 0);
        assertThat(plain.dimension()).isEqualTo(768);
        assertThat(withLength.dimension()).isEqualTo(776);
        float[] row = withLength.encode(List.of(new RewardInput("p", List.of(), "x".repeat(100))))[0];
        assertThat(row[768 + FeatureEncoder.lengthBucket("x".repeat(100))]).isEqualTo(1f);
        assertThat(FeatureEncoder.lengthBucket("")).isZero();
        assertThat(FeatureEncoder.lengthBucket("x".repeat(1_000_000))).isEqualTo(7);
    }

    @Test
    void longResponsesAreEmbeddedInSentenceChunksAndAveraged() {
        String response = "First sentence is here. Second one follows! Third asks why?\nFourth on a new line.";

        assertThat(FeatureEncoder.chunks(response, 0)).containsExactly(response);
        assertThat(FeatureEncoder.chunks(response, 1000)).containsExactly(response);
        assertThat(FeatureEncoder.chunks(response, 45)).containsExactly("First sentence is here. Second one follows!",
                "Third asks why? Fourth on a new line.");
        assertThat(FeatureEncoder.chunks("One very long sentence without any break at all", 10))
                .containsExactly("One very long sentence without any break at all");

        CountingEncoder encoder = new CountingEncoder();
        float[] row = new FeatureEncoder(encoder, new FeatureOptions(0, false, 45), 0)
                .encode(List.of(new RewardInput("p", List.of(), response)))[0];
        double norm = 0;
        for (int d = FeatureEncoder.EMBEDDING_DIM; d < 2 * FeatureEncoder.EMBEDDING_DIM; d++) {
            norm += row[d] * row[d];
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(encoder.texts).contains("Third asks why? Fourth on a new line.").doesNotContain(response);
    }
}
