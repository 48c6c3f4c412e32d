package dev.ufp.infra.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Every pair of responses to the same prompt text, better first: responses of the same turn (regenerations), and
 * first-turn responses of different conversations with identical prompt text (at most {@link #MAX_PER_PROMPT}
 * per prompt and tenant, chosen deterministically).
 */
public final class TruthPairs {

    public static final int MAX_PER_PROMPT = 50;
    private static final String FIRST_TURN = "t0";

    private TruthPairs() {
    }

    public static List<GroundTruth.PairTruth> of(List<GroundTruth.ResponseTruth> responses, long seed) {
        Map<String, List<GroundTruth.ResponseTruth>> byTurn = new LinkedHashMap<>();
        Map<String, List<GroundTruth.ResponseTruth>> byPrompt = new LinkedHashMap<>();
        for (GroundTruth.ResponseTruth r : responses) {
            byTurn.computeIfAbsent(r.tenant() + "\n" + r.conversationId() + "\n" + r.turnId(),
                    k -> new ArrayList<>()).add(r);
            if (FIRST_TURN.equals(r.turnId())) {
                byPrompt.computeIfAbsent(r.tenant() + "\n" + r.promptText(), k -> new ArrayList<>()).add(r);
            }
        }
        List<GroundTruth.PairTruth> pairs = new ArrayList<>();
        for (List<GroundTruth.ResponseTruth> group : byTurn.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    add(pairs, group.get(i), group.get(j));
                }
            }
        }
        for (Map.Entry<String, List<GroundTruth.ResponseTruth>> entry : byPrompt.entrySet()) {
            List<GroundTruth.ResponseTruth> group = entry.getValue();
            List<int[]> candidates = new ArrayList<>();
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    if (!group.get(i).conversationId().equals(group.get(j).conversationId())) {
                        candidates.add(new int[] {i, j});
                    }
                }
            }
            if (candidates.size() > MAX_PER_PROMPT) {
                java.util.Collections.shuffle(candidates, new Random(seed ^ entry.getKey().hashCode()));
                candidates = new ArrayList<>(candidates.subList(0, MAX_PER_PROMPT));
                candidates.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
            }
            for (int[] c : candidates) {
                add(pairs, group.get(c[0]), group.get(c[1]));
            }
        }
        return pairs;
    }

    private static void add(List<GroundTruth.PairTruth> pairs, GroundTruth.ResponseTruth a,
                            GroundTruth.ResponseTruth b) {
        if (a.quality().equals(b.quality())) {
            return;
        }
        GroundTruth.ResponseTruth better = a.quality() > b.quality() ? a : b;
        GroundTruth.ResponseTruth worse = better == a ? b : a;
        pairs.add(new GroundTruth.PairTruth(better.tenant(), better.conversationId(),
                new GroundTruth.ResponseRef(better.conversationId(), better.responseId()),
                new GroundTruth.ResponseRef(worse.conversationId(), worse.responseId()),
                better.promptText(), ConversationGenerator.round(better.quality() - worse.quality())));
    }
}
