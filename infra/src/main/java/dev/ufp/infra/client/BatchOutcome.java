package dev.ufp.infra.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of what a platform answered, summed over batches: accepted, duplicate, rejected (by code, with a few
 * examples); {@code sent} counts events handed to a channel that answers later (Kafka).
 */
public final class BatchOutcome {

    private static final int EXAMPLES = 5;

    private long sent;
    private long accepted;
    private long duplicate;
    private long rejected;
    private final Map<String, Long> rejectionCodes = new TreeMap<>();
    private final List<String> examples = new ArrayList<>();

    public static BatchOutcome sentOnly(int events) {
        BatchOutcome outcome = new BatchOutcome();
        outcome.sent = events;
        return outcome;
    }

    /** From the HTTP API's per-item results. */
    public static BatchOutcome of(JsonNode answer) {
        BatchOutcome outcome = new BatchOutcome();
        for (JsonNode result : answer.path("results")) {
            outcome.sent++;
            switch (result.path("status").asText()) {
                case "accepted" -> outcome.accepted++;
                case "duplicate" -> outcome.duplicate++;
                default -> {
                    outcome.rejected++;
                    outcome.rejectionCodes.merge(result.path("error").path("code").asText("unknown"), 1L, Long::sum);
                    if (outcome.examples.size() < EXAMPLES) {
                        outcome.examples.add(result.toString());
                    }
                }
            }
        }
        return outcome;
    }

    public synchronized void add(BatchOutcome other) {
        synchronized (other) {
            sent += other.sent;
            accepted += other.accepted;
            duplicate += other.duplicate;
            rejected += other.rejected;
            other.rejectionCodes.forEach((code, n) -> rejectionCodes.merge(code, n, Long::sum));
            for (String example : other.examples) {
                if (examples.size() < EXAMPLES) {
                    examples.add(example);
                }
            }
        }
    }

    public synchronized long sent() {
        return sent;
    }

    public synchronized long accepted() {
        return accepted;
    }

    public synchronized long duplicate() {
        return duplicate;
    }

    public synchronized long rejected() {
        return rejected;
    }

    public synchronized Map<String, Long> rejectionCodes() {
        return new TreeMap<>(rejectionCodes);
    }

    public synchronized List<String> examples() {
        return List.copyOf(examples);
    }

    @Override
    public synchronized String toString() {
        return accepted + sent == 0 ? "nothing sent" : accepted + duplicate + rejected == 0
                ? String.format("%,d sent (the platform answers asynchronously)", sent)
                : String.format("accepted %,d, duplicate %,d, rejected %,d%s", accepted, duplicate, rejected,
                rejected == 0 ? "" : " " + rejectionCodes);
    }
}
