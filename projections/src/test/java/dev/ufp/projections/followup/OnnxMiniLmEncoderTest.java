package dev.ufp.projections.followup;

import dev.ufp.projections.followup.FollowUpClassifier.FollowUpInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.ufp.projections.followup.FollowUpCases.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** {@link OnnxMiniLmEncoder} against langchain4j's embedding model on the same ONNX file. */
class OnnxMiniLmEncoderTest {

    /** Minimum cosine between the two encoders' vectors of one text (they are in fact bit-identical). */
    private static final double SAME_VECTOR = 0.99999;

    private static OnnxMiniLmEncoder encoder;
    private static SentenceEncoder reference;

    @BeforeAll
    static void load() {
        encoder = OnnxMiniLmEncoder.load(1, 2, 1);
        reference = LangChain4jMiniLmEncoder.load();
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    /** 56 texts: short and long, empty, over 256 and over 512 word pieces, non-Latin scripts, emoji, markup. */
    static List<String> variedTexts() {
        List<String> texts = new ArrayList<>(List.of(
                "", " ", "\n\t", ".", "ok", "Thanks!", "no", "What?", "lol", "BYE",
                "That's not what I asked, you ignored my instructions",
                "Thanks, that's exactly what I needed",
                "How do I reverse a list in Python?",
                "Can you explain that again, more slowly please?",
                "That answer is wrong: the capital of Australia is Canberra, not Sydney.",
                "I have two cats and a dog, and they all hate the vacuum cleaner.",
                "ok, and what about Paris?",
                "You're a stupid bot.",
                "Perfect, thank you so much, this saved me hours of debugging!!!",
                "Café, naïve, résumé, Zürich, São Paulo, Ångström",
                "Привет! Как дела? Это был полезный ответ.",
                "这个回答没有帮助，请再试一次。",
                "日本語のテキストも埋め込めますか？",
                "مرحبا، هذا ليس ما طلبته",
                "हिंदी में जवाब दो",
                "👍👍 great 🎉",
                "😡😡😡",
                "e = mc² and ∑ᵢ xᵢ ≤ ∞",
                "```java\nList<String> xs = new ArrayList<>();\nCollections.reverse(xs);\n```",
                "<b>bold</b> &amp; <i>italic</i>",
                "https://example.com/a/b?c=d&e=f#frag",
                "1234567890 3.14159 -42 1e-9 0xFF",
                "ALL CAPS SHOUTING AT THE BOT BECAUSE IT IS NOT LISTENING",
                "dont u understand wat im sayin",
                "supercalifragilisticexpialidocious antidisestablishmentarianism",
                "hmm",
                "?",
                "...",
                "I asked for Python, not JavaScript. Please rewrite the example using list slicing and explain "
                        + "why reversed() returns an iterator rather than a list."));
        String paragraph = "The projection service reads events from the store, classifies each follow-up, and "
                + "writes a document per response into Elasticsearch, where analysts query implicit feedback. ";
        texts.add(paragraph);
        texts.add(paragraph.repeat(3));                                     // ~100 word pieces
        texts.add(paragraph.repeat(6));                                     // > 128
        texts.add(paragraph.repeat(12));                                    // > 256
        texts.add(paragraph.repeat(25));                                    // > 512
        texts.add("word ".repeat(600));                                     // > 512, one repeated piece
        texts.add("unbelievably ".repeat(200));                             // cut inside a word at 128
        texts.add("antidisestablishmentarianism ".repeat(60));
        texts.add("Привет мир ".repeat(100));
        texts.add("这个回答没有帮助".repeat(40));
        texts.add("🎉".repeat(300));
        for (int i = 0; i < 9; i++) {
            texts.add("Follow-up number " + i + ": " + "could you add more detail on point " + i + " ".repeat(i)
                    + "and cite a source?".repeat(1 + i % 3));
        }
        return texts;
    }

    @Test
    void sameVectorsAsLangChain4j() {
        List<String> texts = variedTexts();
        assertThat(texts).hasSizeGreaterThanOrEqualTo(50);
        float[][] mine = encoder.encodeAll(texts);
        float[][] theirs = reference.encodeAll(texts);
        double min = 1;
        for (int i = 0; i < texts.size(); i++) {
            assertThat(mine[i]).hasSize(384);
            assertThat(norm(mine[i])).isCloseTo(1.0, within(1e-5));
            double cosine = SentenceEncoder.cosine(mine[i], theirs[i]);
            min = Math.min(min, cosine);
            assertThat(cosine).as("cosine for text %d %s", i, abbreviated(texts.get(i)))
                    .isGreaterThanOrEqualTo(SAME_VECTOR);
            assertThat(mine[i]).as("bit-identical, text %d %s", i, abbreviated(texts.get(i))).isEqualTo(theirs[i]);
        }
        System.out.printf("OnnxMiniLmEncoder vs langchain4j: %d texts, min cosine %.6f%n", texts.size(), min);
    }

    @Test
    void oneCallOrOneTextAtATimeGiveTheSameVectors() {
        List<String> texts = variedTexts();
        float[][] together = encoder.encodeAll(texts);
        for (int i = 0; i < texts.size(); i += 5) {
            assertThat(encoder.encode(texts.get(i))).isEqualTo(together[i]);
        }
    }

    /** Why micro-batching is off by default: the model quantises activations per tensor, i.e. across rows. */
    @Test
    void microBatchesDriftFromTheSingleTextVectors() {
        List<String> texts = variedTexts();
        float[][] single = encoder.encodeAll(texts);
        try (OnnxMiniLmEncoder batched = OnnxMiniLmEncoder.load(16, 1, 1)) {
            float[][] inBatches = batched.encodeAll(texts);
            double min = 1;
            for (int i = 0; i < texts.size(); i++) {
                assertThat(norm(inBatches[i])).isCloseTo(1.0, within(1e-5));
                min = Math.min(min, SentenceEncoder.cosine(inBatches[i], single[i]));
            }
            System.out.printf("micro-batches of 16 vs one text per inference: min cosine %.6f%n", min);
            assertThat(min).as("close, but not the same vectors").isBetween(0.9, 0.999);
        }
    }

    @Test
    void longTextsAreCutAt128TokensAsLangChain4jDoes() {
        long[][] ids = encoder.tokenIds(List.of("word ".repeat(600), "a b c"));
        assertThat(ids[0]).hasSize(128);
        assertThat(ids[0][0]).isEqualTo(101);   // [CLS]
        assertThat(ids[0][127]).isEqualTo(102); // [SEP]
        assertThat(ids[1]).hasSize(5);
    }

    @Test
    void textWithoutWordPiecesIsEmbeddedAsADotWhereLangChain4jThrows() {
        String invisible = "\u200b\u200b";
        assertThat(encoder.encode(invisible)).isEqualTo(encoder.encode(""));
        assertThat(SentenceEncoder.cosine(encoder.encode(invisible), reference.encode(".")))
                .isGreaterThanOrEqualTo(SAME_VECTOR);
        assertThatThrownBy(() -> reference.encode(invisible)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyBatch() {
        assertThat(encoder.encodeAll(List.of())).isEmpty();
    }

    @Test
    void concurrentCallersGetTheirOwnVectors() throws Exception {
        List<String> texts = variedTexts();
        float[][] expected = encoder.encodeAll(texts);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[][]>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> encoder.encodeAll(texts)));
            }
            for (Future<float[][]> f : futures) {
                float[][] got = f.get();
                for (int i = 0; i < texts.size(); i++) {
                    assertThat(got[i]).isEqualTo(expected[i]);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void followUpClassesAreTheSameWithEitherEncoder() {
        List<FollowUpInput> inputs = new ArrayList<>();
        for (String followUp : variedTexts()) {
            inputs.add(new FollowUpInput(PROMPT, RESPONSE, followUp));
        }
        inputs.add(new FollowUpInput(PROMPT, RESPONSE, REPHRASED_PROMPT));
        inputs.add(new FollowUpInput(WEATHER_PROMPT, RESPONSE, NEUTRAL_CONTINUATION));
        inputs.add(new FollowUpInput(null, RESPONSE, OBVIOUS_NEGATIVE));
        List<FollowUpVerdict> mine = classifier(encoder).classifyAll(inputs);
        List<FollowUpVerdict> theirs = classifier(reference).classifyAll(inputs);
        for (int i = 0; i < inputs.size(); i++) {
            assertThat(mine.get(i).kind()).as(abbreviated(inputs.get(i).followUp())).isEqualTo(theirs.get(i).kind());
            assertThat(mine.get(i).category()).isEqualTo(theirs.get(i).category());
            assertThat(mine.get(i).polarity()).isEqualTo(theirs.get(i).polarity());
            assertThat(mine.get(i).confidence()).isEqualTo(theirs.get(i).confidence());
        }
    }

    private static EmbeddingFollowUpClassifier classifier(SentenceEncoder encoder) {
        return new EmbeddingFollowUpClassifier(encoder, FollowUpPrototypes.loadDefault(), FlrParameters.DEFAULTS);
    }

    private static double norm(float[] v) {
        return Math.sqrt(SentenceEncoder.cosine(v, v));
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
