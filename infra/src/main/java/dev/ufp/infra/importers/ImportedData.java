package dev.ufp.infra.importers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ufp.infra.client.BatchSender;
import dev.ufp.infra.simulator.GroundTruth;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The result of converting a data set: one unit of events per conversation, the ground truth, and the notes. */
public record ImportedData(List<BatchSender.Unit> conversations, List<GroundTruth.Line> truth, ImportNotes notes) {

    /** Events per type, over all conversations. */
    public Map<String, Integer> eventsByType() {
        Map<String, Integer> byType = new TreeMap<>();
        for (BatchSender.Unit unit : conversations) {
            for (ObjectNode event : unit.events()) {
                byType.merge(event.get("type").asText(), 1, Integer::sum);
            }
        }
        return byType;
    }

    public int events() {
        return conversations.stream().mapToInt(u -> u.events().size()).sum();
    }
}
