package dev.ufp.mining.dataset;

import java.time.Instant;
import java.util.List;

/**
 * A chosen/rejected pair: two responses to the same prompt in the same context whose signals differ by
 * {@code margin}; {@code strength} in (0, 1] grows with the margin and the evidence behind both sides.
 * {@code origin} says why the two were comparable: {@code regeneration}, {@code sibling} (same turn) or
 * {@code same-prompt} (identical prompt and context in different conversations). {@code sourceEventIds} is the
 * provenance: every event whose signal contributed to either score.
 */
public record PreferencePair(String pairId, String tenant, String prompt, List<Turn> context, PairSide chosen,
                             PairSide rejected, double margin, double strength, String origin, String split,
                             Instant promptAt, List<String> sourceEventIds) {

    public PreferencePair {
        context = List.copyOf(context);
        sourceEventIds = List.copyOf(sourceEventIds);
    }

    public PreferencePair withSplit(String newSplit) {
        return new PreferencePair(pairId, tenant, prompt, context, chosen, rejected, margin, strength, origin,
                newSplit, promptAt, sourceEventIds);
    }
}
