package dev.ufp.mining.reward;

import java.util.List;

/**
 * One response's score.
 *
 * @param pLove  the selected score ({@link ScoreMode})
 * @param mean   mean over heads of P[Love]
 * @param spread standard deviation over heads (0 for one head)
 * @param heads  each head's P[Love]
 */
public record EnsembleScore(double pLove, double mean, double spread, List<Double> heads) {

    public EnsembleScore {
        heads = List.copyOf(heads);
    }

    static EnsembleScore of(double[] headProbabilities, ScoreMode mode, double lambda) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double p : headProbabilities) {
            sum += p;
            min = Math.min(min, p);
        }
        double mean = sum / headProbabilities.length;
        double squares = 0;
        for (double p : headProbabilities) {
            squares += (p - mean) * (p - mean);
        }
        double spread = headProbabilities.length > 1 ? Math.sqrt(squares / (headProbabilities.length - 1)) : 0;
        return new EnsembleScore(mode.select(mean, spread, min, lambda), mean, spread,
                java.util.Arrays.stream(headProbabilities).boxed().toList());
    }
}
