package dev.ufp.mining.pairs;

import dev.ufp.mining.candidates.CandidateResponse;
import dev.ufp.mining.dataset.PreferencePair;
import dev.ufp.mining.dataset.UnpairedLabel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * Mines one tenant's candidates: groups them by {@link PromptKey}, pairs every two responses of a group whose
 * scores differ (both with enough evidence), keeps the group's largest margins, and labels single responses whose
 * own score is strong. Pure and deterministic: the same candidates in any order give the same set.
 */
public final class PairMiner {

    private final MiningRules rules;

    public PairMiner(MiningRules rules) {
        this.rules = rules;
    }

    public MinedSet mine(List<CandidateResponse> candidates) {
        Map<String, List<CandidateResponse>> groups = new TreeMap<>();
        Map<String, String> detectors = new TreeMap<>();
        Map<String, String> owners = new TreeMap<>();
        for (CandidateResponse candidate : candidates) {
            if (candidate.userId() != null) {
                owners.put(candidate.conversationId(), candidate.userId());
            }
            groups.computeIfAbsent(PromptKey.of(candidate.tenant(), candidate.prompt(), candidate.context()),
                    k -> new ArrayList<>()).add(candidate);
            detectors.putAll(candidate.detectors());
        }
        List<MinedPair> pairs = new ArrayList<>();
        List<UnpairedLabel> labels = new ArrayList<>();
        groups.forEach((key, group) -> {
            group.sort(Comparator.comparing(CandidateResponse::key));
            pairs.addAll(pairsOf(key, group));
            group.forEach(candidate -> label(candidate).ifPresent(labels::add));
        });
        return new MinedSet(candidates.size(), pairs, labels, detectors, MinedSet.UserActivity.byUser(candidates),
                owners);
    }

    /**
     * The group's {@code maxPairsPerPrompt} largest-margin pairs without enumerating all n² pairs: with the
     * responses sorted by score, the largest margin is (first, last), and the next candidates after (i, j) are
     * (i+1, j) and (i, j−1) — a best-first walk over a sorted matrix.
     */
    private List<MinedPair> pairsOf(String key, List<CandidateResponse> group) {
        List<CandidateResponse> sorted = group.stream().filter(c -> c.evidence() >= rules.minEvidence())
                .sorted(Comparator.comparingDouble((CandidateResponse c) -> -c.score())
                        .thenComparing(CandidateResponse::key))
                .toList();
        List<MinedPair> pairs = new ArrayList<>();
        int n = sorted.size();
        if (n < 2) {
            return pairs;
        }
        PriorityQueue<int[]> frontier = new PriorityQueue<>(Comparator
                .comparingDouble((int[] ij) -> -(sorted.get(ij[0]).score() - sorted.get(ij[1]).score()))
                .thenComparingInt(ij -> ij[0]).thenComparingInt(ij -> -ij[1]));
        Set<Long> seen = new HashSet<>();
        frontier.add(new int[]{0, n - 1});
        seen.add(n - 1L);
        while (!frontier.isEmpty() && pairs.size() < rules.maxPairsPerPrompt()) {
            int[] ij = frontier.poll();
            CandidateResponse chosen = sorted.get(ij[0]);
            CandidateResponse rejected = sorted.get(ij[1]);
            if (chosen.score() <= rejected.score()) {
                break; // every remaining pair has a margin of zero
            }
            pairs.add(pair(key, chosen, rejected));
            offer(frontier, seen, ij[0] + 1, ij[1], n);
            offer(frontier, seen, ij[0], ij[1] - 1, n);
        }
        return pairs;
    }

    private static void offer(PriorityQueue<int[]> frontier, Set<Long> seen, int i, int j, int n) {
        if (i < j && seen.add((long) i * n + j)) {
            frontier.add(new int[]{i, j});
        }
    }

    private MinedPair pair(String key, CandidateResponse chosen, CandidateResponse rejected) {
        double margin = round(chosen.score() - rejected.score());
        int evidence = Math.min(chosen.evidence(), rejected.evidence());
        double strength = round((1 - Math.exp(-margin / rules.strengthScale())) * evidence / (evidence + 1.0));
        Set<String> sources = new LinkedHashSet<>(chosen.sourceEventIds());
        sources.addAll(rejected.sourceEventIds());
        Set<String> users = new LinkedHashSet<>(chosen.signalUsers());
        users.addAll(rejected.signalUsers());
        PreferencePair pair = new PreferencePair(
                "p_" + Hashes.hex(10, chosen.tenant(), chosen.key(), rejected.key()), chosen.tenant(),
                chosen.prompt(), chosen.context(), chosen.side(), rejected.side(), margin, strength,
                origin(chosen, rejected), Split.of(chosen.prompt(), rules.testFraction()), chosen.promptAt(),
                new ArrayList<>(sources));
        return new MinedPair(pair, key, users);
    }

    private static String origin(CandidateResponse a, CandidateResponse b) {
        if (!a.conversationId().equals(b.conversationId())) {
            return "same-prompt";
        }
        boolean regeneration = a.responseId().equals(b.regenerates()) || b.responseId().equals(a.regenerates());
        return regeneration ? "regeneration" : "sibling";
    }

    private Optional<UnpairedLabel> label(CandidateResponse candidate) {
        double magnitude = Math.abs(candidate.score());
        if (candidate.evidence() < rules.minEvidence() || magnitude < rules.labelThreshold()) {
            return Optional.empty();
        }
        int evidence = candidate.evidence();
        double strength = round(Math.min(1, magnitude) * evidence / (evidence + 1.0));
        return Optional.of(new UnpairedLabel("l_" + Hashes.hex(10, candidate.tenant(), candidate.key()),
                candidate.tenant(), candidate.prompt(), candidate.context(), candidate.side(), candidate.score() > 0,
                strength, Split.of(candidate.prompt(), rules.testFraction()), candidate.promptAt(),
                candidate.sourceEventIds()));
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
