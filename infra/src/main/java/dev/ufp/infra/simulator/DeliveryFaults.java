package dev.ufp.infra.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Delivery faults of distributed backends, limited to what the platform accepts: duplicates (the same eventId
 * re-sent later) and a conversation's events shuffled. A shuffled conversation must be delivered in one batch
 * (the platform retries, within a batch, events whose target arrives later in it, after the rest of the batch).
 * Events that would be rejected for good if a retried event came after them are held back for a later wave, in
 * order: reaction adds and removes of flip-floppers (a removal before its add is final) and
 * {@code ConversationClosed} (no new turn after it).
 */
final class DeliveryFaults {

    private static final Set<String> ORDERED = Set.of("ReactionRemoved", "ConversationClosed");

    private DeliveryFaults() {
    }

    /** The events of the first wave and of the later wave (empty unless shuffled), re-sent copies included. */
    record Delivery(List<ObjectNode> first, List<ObjectNode> later) {
    }

    static Delivery apply(List<ObjectNode> events, Set<String> orderedEventIds, double outOfOrder,
                          double duplicates, Random random) {
        List<ObjectNode> out = new ArrayList<>(events);
        List<ObjectNode> later = List.of();
        if (outOfOrder > 0 && random.nextDouble() < outOfOrder) {
            List<ObjectNode> movable = new ArrayList<>();
            List<ObjectNode> ordered = new ArrayList<>();
            for (ObjectNode event : events) {
                boolean keep = ORDERED.contains(event.get("type").asText())
                        || orderedEventIds.contains(event.get("eventId").asText());
                (keep ? ordered : movable).add(event);
            }
            Collections.shuffle(movable, random);
            out = movable;
            later = ordered;
        }
        return new Delivery(withCopies(out, duplicates, random), withCopies(later, duplicates, random));
    }

    private static List<ObjectNode> withCopies(List<ObjectNode> out, double duplicates, Random random) {
        if (duplicates > 0) {
            List<ObjectNode> withCopies = new ArrayList<>(out);
            for (int i = 0; i < out.size(); i++) {
                if (random.nextDouble() < duplicates) {
                    int original = withCopies.indexOf(out.get(i));
                    int at = original + 1 + random.nextInt(withCopies.size() - original);
                    withCopies.add(at, out.get(i).deepCopy());
                }
            }
            return withCopies;
        }
        return out;
    }
}
