package dev.ufp.projections.followup;

import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantised, 384-d) from the langchain4j jar: no download. Loading the ONNX model costs
 * 1–3 s, so the process shares one instance through {@link #shared()}. Runs on {@link OnnxMiniLmEncoder}: the
 * vectors of langchain4j's {@code AllMiniLmL6V2QuantizedEmbeddingModel}, about twice as fast.
 */
public final class MiniLmSentenceEncoder implements SentenceEncoder {

    private final SentenceEncoder delegate;

    MiniLmSentenceEncoder(SentenceEncoder delegate) {
        this.delegate = delegate;
    }

    /** The process-wide encoder, loaded on first use (thread-safe lazy holder). */
    public static MiniLmSentenceEncoder shared() {
        return Holder.INSTANCE;
    }

    @Override
    public float[][] encodeAll(List<String> texts) {
        return delegate.encodeAll(texts);
    }

    private static final class Holder {
        static final MiniLmSentenceEncoder INSTANCE = new MiniLmSentenceEncoder(OnnxMiniLmEncoder.load());
    }
}
