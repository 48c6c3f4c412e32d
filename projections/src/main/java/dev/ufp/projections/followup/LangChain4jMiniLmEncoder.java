package dev.ufp.projections.followup;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.util.List;

/**
 * all-MiniLM-L6-v2 through langchain4j's {@link AllMiniLmL6V2QuantizedEmbeddingModel}: one ONNX inference per text.
 * The reference that {@link OnnxMiniLmEncoder} is tested and benchmarked against.
 */
final class LangChain4jMiniLmEncoder implements SentenceEncoder {

    private final EmbeddingModel model;

    private LangChain4jMiniLmEncoder(EmbeddingModel model) {
        this.model = model;
    }

    /** Loads the model from the langchain4j jar (1–3 s). */
    static LangChain4jMiniLmEncoder load() {
        return new LangChain4jMiniLmEncoder(new AllMiniLmL6V2QuantizedEmbeddingModel());
    }

    @Override
    public float[][] encodeAll(List<String> texts) {
        if (texts.isEmpty()) {
            return new float[0][];
        }
        List<TextSegment> segments = texts.stream()
                .map(t -> TextSegment.from(OnnxMiniLmEncoder.embeddable(t)))
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
}
