package dev.ufp.projections.followup;

import java.util.List;

/** Turns sentences into L2-normalised vectors; one call embeds a whole batch. */
public interface SentenceEncoder {

    /** @return one unit-length vector per text, in input order */
    float[][] encodeAll(List<String> texts);

    default float[] encode(String text) {
        return encodeAll(List.of(text))[0];
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
