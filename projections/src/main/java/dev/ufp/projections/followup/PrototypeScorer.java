package dev.ufp.projections.followup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores a follow-up embedding against the positive and negative prototype sets, FLR-style: each side gets a
 * log-likelihood-like value (a temperature-scaled log-mean-exp of cosine similarities over the top-k
 * prototypes of each category, then over categories), and the score is positive minus negative.
 */
final class PrototypeScorer {

    /** @param score log-likelihood-style difference, positive side minus negative side, in cosine units */
    record Score(double score, String bestPositiveCategory, String bestNegativeCategory) {
        String category() {
            return score >= 0 ? bestPositiveCategory : bestNegativeCategory;
        }
    }

    private final FlrParameters params;
    private final List<String> categoryNames = new ArrayList<>();
    private final List<float[][]> positive = new ArrayList<>();
    private final List<float[][]> negative = new ArrayList<>();

    /** Embeds every prototype in one encoder call. */
    PrototypeScorer(FollowUpPrototypes prototypes, SentenceEncoder encoder, FlrParameters params) {
        this.params = params;
        List<String> texts = new ArrayList<>();
        for (FollowUpPrototypes.Category c : prototypes.categories()) {
            texts.addAll(c.positive());
            texts.addAll(c.negative());
        }
        float[][] vectors = encoder.encodeAll(texts);
        int at = 0;
        for (FollowUpPrototypes.Category c : prototypes.categories()) {
            categoryNames.add(c.name());
            positive.add(Arrays.copyOfRange(vectors, at, at + c.positive().size()));
            at += c.positive().size();
            negative.add(Arrays.copyOfRange(vectors, at, at + c.negative().size()));
            at += c.negative().size();
        }
    }

    Score score(float[] followUp) {
        double[] pos = new double[categoryNames.size()];
        double[] neg = new double[categoryNames.size()];
        for (int c = 0; c < pos.length; c++) {
            pos[c] = softTopK(similarities(followUp, positive.get(c)));
            neg[c] = softTopK(similarities(followUp, negative.get(c)));
        }
        double score = logMeanExp(pos) - logMeanExp(neg);
        return new Score(score, categoryNames.get(argMax(pos)), categoryNames.get(argMax(neg)));
    }

    private static double[] similarities(float[] v, float[][] prototypes) {
        double[] out = new double[prototypes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = SentenceEncoder.cosine(v, prototypes[i]);
        }
        return out;
    }

    /** Log-mean-exp of the k highest similarities: a soft maximum that rewards several close prototypes. */
    private double softTopK(double[] sims) {
        double[] sorted = sims.clone();
        Arrays.sort(sorted);
        int k = Math.min(params.topK(), sorted.length);
        return logMeanExp(Arrays.copyOfRange(sorted, sorted.length - k, sorted.length));
    }

    /** T * log(mean(exp(x / T))), computed stably. */
    private double logMeanExp(double[] xs) {
        double t = params.temperature();
        double max = Arrays.stream(xs).max().orElseThrow();
        double sum = 0;
        for (double x : xs) {
            sum += Math.exp((x - max) / t);
        }
        return max + t * Math.log(sum / xs.length);
    }

    private static int argMax(double[] xs) {
        int best = 0;
        for (int i = 1; i < xs.length; i++) {
            if (xs[i] > xs[best]) {
                best = i;
            }
        }
        return best;
    }
}
