package dev.ufp.infra.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ufp.infra.client.PlatformClient;
import dev.ufp.infra.simulator.GroundTruth;
import dev.ufp.infra.simulator.SimulatedConversation;
import dev.ufp.projections.followup.RocAuc;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * P[Love] on traffic the platform never saw: fresh simulated conversations from the same world are scored through
 * {@code POST /v1/reward/score}, and the ROC AUC of those scores against the users' sampled Love is put next to
 * the AUC of the Bayes-optimal P[Love] on the same responses — the best any model could do. Responses that
 * reaction spammers saw are left out (their Love says nothing about the response).
 */
public record HeldOutLove(int responses, int loved, double modelAuc, double bayesAuc, String model) {

    private static final int BATCH = 256;

    /** One response to score: what the model sees, and the truth it is judged against. */
    record Item(Map<String, Object> input, GroundTruth.ResponseTruth truth) {
    }

    public static HeldOutLove measure(PlatformClient client, String key, List<SimulatedConversation> fresh)
            throws IOException, InterruptedException {
        List<Item> items = new ArrayList<>();
        fresh.forEach(conversation -> items.addAll(items(conversation)));
        double[] model = new double[items.size()];
        double[] bayes = new double[items.size()];
        boolean[] loved = new boolean[items.size()];
        String modelId = null;
        for (int from = 0; from < items.size(); from += BATCH) {
            List<Item> batch = items.subList(from, Math.min(items.size(), from + BATCH));
            JsonNode scored = client.post(key, "/v1/reward/score", Map.of("items",
                    batch.stream().map(Item::input).toList(), "score", "mean"), 200);
            modelId = scored.get("model").asText();
            for (int i = 0; i < batch.size(); i++) {
                model[from + i] = scored.get("scores").get(i).get("pLove").asDouble();
                bayes[from + i] = batch.get(i).truth().pLove();
                loved[from + i] = Boolean.TRUE.equals(batch.get(i).truth().loved());
            }
        }
        int positives = 0;
        for (boolean l : loved) {
            positives += l ? 1 : 0;
        }
        return new HeldOutLove(items.size(), positives, RocAuc.of(model, loved), RocAuc.of(bayes, loved), modelId);
    }

    /** The conversation's honestly reacted responses, each with its prompt and the turns before it. */
    static List<Item> items(SimulatedConversation conversation) {
        Map<String, ObjectNode> unique = new LinkedHashMap<>();
        conversation.allEvents().forEach(e -> unique.putIfAbsent(e.get("eventId").asText(), e));
        List<ObjectNode> events = new ArrayList<>(unique.values());
        events.sort(Comparator.comparing(e -> Instant.parse(e.get("occurredAt").asText())));
        Map<String, String> prompts = new LinkedHashMap<>();
        Map<String, String> lastResponse = new HashMap<>();
        Map<String, GroundTruth.ResponseTruth> truth = new HashMap<>();
        conversation.responses().forEach(r -> truth.put(r.responseId(), r));
        List<Item> items = new ArrayList<>();
        for (ObjectNode event : events) {
            String type = event.get("type").asText();
            if (type.equals("PromptSubmitted")) {
                prompts.put(event.get("turnId").asText(), event.get("text").asText());
            } else if (type.equals("ResponseGenerated")) {
                String turn = event.get("turnId").asText();
                GroundTruth.ResponseTruth t = truth.get(event.get("responseId").asText());
                if (t != null && !Boolean.TRUE.equals(t.adversarialReactions()) && t.pLove() != null) {
                    items.add(new Item(Map.of("prompt", prompts.getOrDefault(turn, ""),
                            "context", context(prompts, lastResponse, turn), "response",
                            event.get("text").asText()), t));
                }
                lastResponse.put(turn, event.get("text").asText());
            }
        }
        return items;
    }

    private static List<Map<String, String>> context(Map<String, String> prompts, Map<String, String> lastResponse,
                                                     String turn) {
        List<Map<String, String>> turns = new ArrayList<>();
        for (Map.Entry<String, String> prompt : prompts.entrySet()) {
            if (prompt.getKey().equals(turn)) {
                break;
            }
            turns.add(Map.of("role", "user", "content", prompt.getValue()));
            String response = lastResponse.get(prompt.getKey());
            if (response != null) {
                turns.add(Map.of("role", "assistant", "content", response));
            }
        }
        return turns;
    }

    /** Model AUC as a share of the Bayes-optimal AUC (the target: ≥ 0.95). */
    public double ratio() {
        return modelAuc / bayesAuc;
    }
}
