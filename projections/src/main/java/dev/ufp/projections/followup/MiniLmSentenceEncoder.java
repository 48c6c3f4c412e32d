package dev.ufp.projections.followup;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantised, 384-d) from the langchain4j jar: no download. Loading the ONNX model costs
 * 1–3 s, so the process shares one instance through {@link #shared()}.
 */
public final class MiniLmSentenceEncoder implements SentenceEncoder {

    private final EmbeddingModel model;

    MiniLmSentenceEncoder(EmbeddingModel model) {
        this.model = model;
    }

    /** The process-wide encoder, loaded on first use (thread-safe lazy holder). */
    public static MiniLmSentenceEncoder shared() {
        return Holder.INSTANCE;
    }

    @Override
    public float[][] encodeAll(List<String> texts) {
        if (texts.isEmpty()) {
            return new float[0][];
        }
        List<TextSegment> segments = texts.stream()
                .map(t -> TextSegment.from(t == null || t.isBlank() ? "." : t))
                .toList();
        List<Embedding> embeddings = model.embedAll(segments).content();
        float[][] out = new float[embeddings.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = normalised(embeddings.get(i).vector());
        }
        return out;
    }

    private static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0f : (float) (v[i] / norm);
        }
        return out;
    }

    private static final class Holder {
        static final MiniLmSentenceEncoder INSTANCE =
                new MiniLmSentenceEncoder(new AllMiniLmL6V2QuantizedEmbeddingModel());
    }
}
