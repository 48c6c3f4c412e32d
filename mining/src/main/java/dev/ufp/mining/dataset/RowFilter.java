package dev.ufp.mining.dataset;

import java.time.Instant;

/**
 * What a reader wants from a dataset version; every field is optional (null = any).
 *
 * @param split       {@code train} or {@code test}
 * @param minStrength the least preference strength
 * @param model       a model name either side of a pair (or the labelled completion) came from
 * @param from        prompts at or after this instant
 * @param to          prompts before this instant
 */
public record RowFilter(String split, Double minStrength, String model, Instant from, Instant to) {

    public static RowFilter all() {
        return new RowFilter(null, null, null, null, null);
    }
}
