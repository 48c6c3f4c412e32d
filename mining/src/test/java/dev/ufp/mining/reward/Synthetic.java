package dev.ufp.mining.reward;

import java.util.Random;

/** Separable synthetic features: loved iff a fixed direction's projection is high (about 20% positives). */
final class Synthetic {

    final float[][] x;
    final float[] y;

    Synthetic(int n, int dim, long seed) {
        Random random = new Random(seed);
        Random direction = new Random(7);
        float[] w = new float[dim];
        for (int j = 0; j < dim; j++) {
            w[j] = (float) direction.nextGaussian();
        }
        x = new float[n][dim];
        y = new float[n];
        for (int i = 0; i < n; i++) {
            double dot = 0;
            for (int j = 0; j < dim; j++) {
                x[i][j] = (float) (random.nextGaussian() * 0.1);
                dot += x[i][j] * w[j];
            }
            y[i] = dot > 0.85 * Math.sqrt(dim) * 0.1 ? 1 : 0;
        }
    }

    boolean[] labels() {
        boolean[] labels = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            labels[i] = y[i] > 0.5;
        }
        return labels;
    }
}
