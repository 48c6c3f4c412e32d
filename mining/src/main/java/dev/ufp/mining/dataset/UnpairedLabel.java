package dev.ufp.mining.dataset;

import java.time.Instant;
import java.util.List;

/**
 * A KTO-style unpaired label: one response whose own signals are strong enough on their own — desirable
 * ({@code label = true}) or undesirable.
 */
public record UnpairedLabel(String labelId, String tenant, String prompt, List<Turn> context, PairSide completion,
                            boolean label, double strength, String split, Instant promptAt,
                            List<String> sourceEventIds) {

    public UnpairedLabel {
        context = List.copyOf(context);
        sourceEventIds = List.copyOf(sourceEventIds);
    }

    public UnpairedLabel withSplit(String newSplit) {
        return new UnpairedLabel(labelId, tenant, prompt, context, completion, label, strength, newSplit, promptAt,
                sourceEventIds);
    }
}
