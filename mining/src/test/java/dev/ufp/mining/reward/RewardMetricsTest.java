package dev.ufp.mining.reward;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Metrics on inputs small enough to compute by hand. */
class RewardMetricsTest {

    @Test
    void aucCountsPositivesAboveNegativesWithTiesHalf() {
        // positives 0.9, 0.4; negatives 0.5, 0.1: pairs (0.9>0.5, 0.9>0.1, 0.4<0.5, 0.4>0.1) = 3/4
        assertThat(RewardMetrics.auc(new double[]{0.9, 0.4, 0.5, 0.1}, new boolean[]{true, true, false, false}))
                .isEqualTo(0.75);
        assertThat(RewardMetrics.auc(new double[]{0.5, 0.5}, new boolean[]{true, false})).isEqualTo(0.5);
        assertThat(RewardMetrics.auc(new double[]{0.5}, new boolean[]{true})).isNaN();
    }

    @Test
    void eceIsTheCountWeightedGapBetweenPredictionAndObservedRate() {
        // bin [0.1,0.2): predictions 0.1, 0.1, labels 1, 0 -> |0.5 - 0.1| = 0.4 on 2 items
        // bin [0.9,1.0]: predictions 0.9, 1.0, labels 1, 1 -> |1 - 0.95| = 0.05 on 2 items
        RewardMetrics.Calibration c = RewardMetrics.calibration(new double[]{0.1, 0.1, 0.9, 1.0},
                new boolean[]{true, false, true, true}, 10);
        assertThat(c.ece()).isCloseTo((2 * 0.4 + 2 * 0.05) / 4, within(1e-12));
        assertThat(c.reliability()).hasSize(10);
        assertThat(c.reliability().get(1).count()).isEqualTo(2);
        assertThat(c.reliability().get(1).observedRate()).isEqualTo(0.5);
        assertThat(c.reliability().get(9).meanPredicted()).isCloseTo(0.95, within(1e-12));
        assertThat(c.reliability().get(5).meanPredicted()).isNull();
        // perfectly calibrated
        assertThat(RewardMetrics.calibration(new double[]{0.5, 0.5}, new boolean[]{true, false}, 10).ece())
                .isZero();
    }

    @Test
    void correlationsAndPairwiseAccuracy() {
        assertThat(RewardMetrics.pearson(new double[]{1, 2, 3}, new double[]{2, 4, 6})).isCloseTo(1, within(1e-12));
        assertThat(RewardMetrics.pearson(new double[]{1, 2, 3}, new double[]{3, 2, 1})).isCloseTo(-1, within(1e-12));
        assertThat(RewardMetrics.pearson(new double[]{1, 1}, new double[]{1, 2})).isNaN();
        // monotone but not linear: Spearman 1, Pearson < 1
        double[] x = {1, 2, 3, 4};
        double[] y = {1, 4, 9, 100};
        assertThat(RewardMetrics.spearman(x, y)).isCloseTo(1, within(1e-12));
        assertThat(RewardMetrics.pearson(x, y)).isLessThan(0.95);
        assertThat(RewardMetrics.ranks(new double[]{5, 1, 5})).containsExactly(2.5, 1, 2.5);
        assertThat(RewardMetrics.pairwiseAccuracy(new double[]{0.9, 0.2, 0.5}, new double[]{0.1, 0.3, 0.5}))
                .isCloseTo(1.5 / 3, within(1e-12));
    }

    @Test
    void theHeldOutSplitIsDeterministicAndNearItsFraction() {
        int held = 0;
        for (int i = 0; i < 10_000; i++) {
            boolean first = HeldOutSplit.heldOut("prompt " + i, 0.2);
            assertThat(HeldOutSplit.heldOut("prompt " + i, 0.2)).isEqualTo(first);
            held += first ? 1 : 0;
        }
        assertThat(held).isBetween(1_800, 2_200);
        assertThat(HeldOutSplit.heldOut("  Prompt 7 ", 0.2)).isEqualTo(HeldOutSplit.heldOut("prompt 7", 0.2));
        assertThat(HeldOutSplit.position("a fixed prompt")).isEqualTo(HeldOutSplit.position("a fixed prompt"));
        assertThat(HeldOutSplit.heldOut("anything", 0)).isFalse();
    }

    @Test
    void ensembleScoreModes() {
        EnsembleScore s = EnsembleScore.of(new double[]{0.2, 0.4, 0.6}, ScoreMode.UNCERTAINTY_WEIGHTED, 1.0);
        assertThat(s.mean()).isCloseTo(0.4, within(1e-12));
        assertThat(s.spread()).isCloseTo(0.2, within(1e-12));
        assertThat(s.pLove()).isCloseTo(0.2, within(1e-12));
        assertThat(EnsembleScore.of(new double[]{0.2, 0.4, 0.6}, ScoreMode.WORST_CASE, 1).pLove()).isEqualTo(0.2);
        assertThat(EnsembleScore.of(new double[]{0.2, 0.4, 0.6}, ScoreMode.MEAN, 1).pLove())
                .isCloseTo(0.4, within(1e-12));
        assertThat(EnsembleScore.of(new double[]{0.1, 0.9}, ScoreMode.UNCERTAINTY_WEIGHTED, 5).pLove()).isZero();
        assertThat(ScoreMode.fromWire("worst-case")).contains(ScoreMode.WORST_CASE);
        assertThat(ScoreMode.fromWire("max")).isEmpty();
    }
}
