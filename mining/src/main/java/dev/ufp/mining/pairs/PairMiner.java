package dev.ufp.mining.pairs;

import dev.ufp.mining.candidates.CandidateResponse;
import dev.ufp.mining.dataset.PreferencePair;
import dev.ufp.mining.dataset.UnpairedLabel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        for (CandidateResponse candidate : candidates) {
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
        return new MinedSet(candidates.size(), pairs, labels, detectors);
    }

    private List<MinedPair> pairsOf(String key, List<CandidateResponse> group) {
        List<MinedPair> pairs = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            CandidateResponse a = group.get(i);
            for (int j = i + 1; j < group.size(); j++) {
                CandidateResponse b = group.get(j);
                if (a.evidence() >= rules.minEvidence() && b.evidence() >= rules.minEvidence()
                        && a.score() != b.score()) {
                    pairs.add(a.score() > b.score() ? pair(key, a, b) : pair(key, b, a));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble((MinedPair p) -> -p.pair().margin())
                .thenComparing(p -> p.pair().pairId()));
        return pairs.size() > rules.maxPairsPerPrompt() ? pairs.subList(0, rules.maxPairsPerPrompt()) : pairs;
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
