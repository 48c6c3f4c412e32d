package dev.ufp.mining.candidates;

import dev.ufp.mining.dataset.PairSide;
import dev.ufp.mining.dataset.Turn;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One assistant response as mining sees it.
 *
 * @param score          the projected signal score (sum of active signal values)
 * @param evidence       how many active signals back the score
 * @param signalUsers    the (pseudonymous) users whose actions produced the active signals
 * @param sourceEventIds the events behind the active signals: provenance for anything mined from this response
 * @param detectors      detector name → version of the active signals
 * @param retractedReactions reactions on this response that were added and later removed or flipped
 */
public record CandidateResponse(String tenant, String conversationId, String responseId, String turnId,
                                String userId, String prompt, List<Turn> context, String text, String model,
                                String modelVersion, String variant, String regenerates, Instant promptAt,
                                Instant respondedAt, double score, int evidence, boolean loved,
                                Map<String, Integer> reactionCounts, Set<String> signalUsers,
                                List<String> sourceEventIds, Map<String, String> detectors,
                                int retractedReactions) {

    public CandidateResponse {
        context = List.copyOf(context);
        reactionCounts = Map.copyOf(reactionCounts);
        signalUsers = Set.copyOf(signalUsers);
        sourceEventIds = List.copyOf(sourceEventIds);
        detectors = Map.copyOf(detectors);
    }

    /** Unique within a tenant. */
    public String key() {
        return conversationId + "/" + responseId;
    }

    public PairSide side() {
        return new PairSide(conversationId, responseId, text, model, modelVersion, variant, score, evidence);
    }
}
