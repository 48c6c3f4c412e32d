package dev.ufp.infra.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One simulated conversation: its events in delivery order (after delivery faults), how many of them are re-sent
 * copies, and the ground truth of its responses.
 */
public record SimulatedConversation(String tenant, String conversationId, List<ObjectNode> events,
                                    int duplicateDeliveries, List<GroundTruth.ResponseTruth> responses) {
}
