package dev.ufp.projections.analytics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WilsonTest {

    @Test
    void matchesPublishedIntervals() {
        double[] ci = Wilson.interval(3, 4, Wilson.Z95);
        assertThat(ci[0]).isCloseTo(0.3006, within(1e-4));
        assertThat(ci[1]).isCloseTo(0.9544, within(1e-4));
        double[] half = Wilson.interval(50, 100, Wilson.Z95);
        assertThat(half[0]).isCloseTo(0.4038, within(1e-4));
        assertThat(half[1]).isCloseTo(0.5962, within(1e-4));
    }

    @Test
    void staysInsideZeroToOneAtTheEdges() {
        assertThat(Wilson.interval(0, 10, Wilson.Z95)[0]).isZero();
        assertThat(Wilson.interval(10, 10, Wilson.Z95)[1]).isEqualTo(1.0, within(1e-12));
        assertThat(Wilson.interval(0, 0, Wilson.Z95)).containsExactly(0, 0);
    }

    @Test
    void csvQuotesCellsWithCommasQuotesAndNewlines() {
        Table table = new Table(Map.of(), List.of("a", "b"),
                List.of(Map.of("a", "x,y", "b", "say \"hi\""), Map.of("a", "line\nbreak")));
        assertThat(table.csv()).isEqualTo("a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",\r\n");
    }

    @Test
    void groupingsMapToFieldsAndUnknownOnesAreRejected() {
        assertThat(AnalyticsParameters.groupField("modelVersion")).isEqualTo("modelVersion");
        assertThat(AnalyticsParameters.groupField("day")).isEqualTo("respondedAt");
        assertThat(AnalyticsParameters.groupField("attribute.cohort")).isEqualTo("attributes.cohort");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AnalyticsParameters.groupField("attribute.a b"))
                .hasMessageContaining("allowed: model, modelVersion, variant, day, attribute.<name>");
    }
}
