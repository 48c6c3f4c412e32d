package dev.ufp.projections.followup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RocAucTest {

    @Test
    void perfectRankingIsOne() {
        assertThat(RocAuc.of(new double[] {0.1, 0.2, 0.8, 0.9}, new boolean[] {false, false, true, true}))
                .isEqualTo(1.0);
    }

    @Test
    void invertedRankingIsZero() {
        assertThat(RocAuc.of(new double[] {0.9, 0.8, 0.2, 0.1}, new boolean[] {false, false, true, true}))
                .isEqualTo(0.0);
    }

    @Test
    void allTiedIsOneHalf() {
        assertThat(RocAuc.of(new double[] {0.5, 0.5, 0.5, 0.5, 0.5}, new boolean[] {true, false, true, false, false}))
                .isEqualTo(0.5);
    }

    @Test
    void partialTiesCountOneHalf() {
        // positives 0.3 and 0.7 against negatives 0.3 and 0.1: pairs (0.3>0.3: 1/2) (0.3>0.1: 1) (0.7>*: 1, 1)
        double auc = RocAuc.of(new double[] {0.3, 0.7, 0.3, 0.1}, new boolean[] {true, true, false, false});
        assertThat(auc).isCloseTo(3.5 / 4.0, within(1e-12));
    }

    @Test
    void matchesPairCountingOnAnUnsortedCase() {
        double[] s = {0.4, 0.1, 0.9, 0.4, 0.6, 0.2, 0.6};
        boolean[] l = {true, false, true, false, false, true, true};
        double wins = 0;
        int pairs = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (l[i] && !l[j]) {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        assertThat(RocAuc.of(s, l)).isCloseTo(wins / pairs, within(1e-12));
    }

    @Test
    void undefinedWithOneClass() {
        assertThat(RocAuc.of(new double[] {0.1, 0.2}, new boolean[] {true, true})).isNaN();
    }
}
