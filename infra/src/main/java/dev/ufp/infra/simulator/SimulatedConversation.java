package dev.ufp.infra.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One simulated conversation: its events in delivery order (after delivery faults) — {@code events} first, in one
 * batch, then {@code laterEvents} once the first wave is stored (only for a shuffled conversation) — how many of
 * them are re-sent copies, and the ground truth of its responses.
 */
public record SimulatedConversation(String tenant, String conversationId, List<ObjectNode> events,
                                    List<ObjectNode> laterEvents, int duplicateDeliveries,
                                    List<GroundTruth.ResponseTruth> responses) {

    /** Every delivery, both waves. */
    public List<ObjectNode> allEvents() {
        List<ObjectNode> all = new java.util.ArrayList<>(events);
        all.addAll(laterEvents);
        return all;
    }
}
