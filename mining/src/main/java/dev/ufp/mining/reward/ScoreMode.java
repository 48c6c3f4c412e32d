package dev.ufp.mining.reward;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How an ensemble's per-head P[Love] become one score: {@code mean}; {@code worst-case}, the lowest head;
 * {@code uncertainty-weighted}, mean − λ·sd (clamped to [0, 1]). The last two are conservative: a policy
 * optimised against them gains little where the heads disagree, which is where reward hacking lives.
 */
public enum ScoreMode {
    MEAN, WORST_CASE, UNCERTAINTY_WEIGHTED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ScoreMode> fromWire(String value) {
        return Arrays.stream(values()).filter(m -> m.wireName().equals(value)).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(ScoreMode::wireName).toList());
    }

    double select(double mean, double spread, double min, double lambda) {
        return switch (this) {
            case MEAN -> mean;
            case WORST_CASE -> min;
            case UNCERTAINTY_WEIGHTED -> Math.max(0, Math.min(1, mean - lambda * spread));
        };
    }
}
