package dev.ufp.mining.pairs;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SplitTest {

    @Test
    void theSplitDependsOnlyOnTheNormalisedPrompt() {
        assertThat(Split.of("How do I sort a list?", 0.5)).isEqualTo(Split.of("  how do i SORT a   list?", 0.5));
        assertThat(Split.bucket("a prompt")).isEqualTo(Split.bucket("a prompt"));
    }

    @Test
    void theTestShareIsCloseToTheFraction() {
        long test = IntStream.range(0, 20_000).filter(i -> Split.of("prompt number " + i, 0.1).equals(Split.TEST))
                .count();
        assertThat(test).isBetween(1_800L, 2_200L);
        assertThat(Split.of("anything", 0.0)).isEqualTo(Split.TRAIN);
    }
}
