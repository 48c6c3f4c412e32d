package dev.ufp.mining.curation;

import dev.ufp.mining.dataset.FilterStep;
import dev.ufp.mining.pairs.MinedPair;
import dev.ufp.mining.pairs.MinedSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Caps how many pairs one owner may contribute — the strongest first — so a single adversarial user (reaction
 * spam, flip-flopping) or one long conversation cannot dominate a dataset. A pair counts against every owner it
 * has: all users whose actions decided it ({@link #perUser}), or both conversations ({@link #perConversation}).
 */
public final class CapFilter implements CurationStep {

    private final String name;
    private final int cap;
    private final Function<MinedPair, Set<String>> owners;

    private CapFilter(String name, int cap, Function<MinedPair, Set<String>> owners) {
        this.name = name;
        this.cap = cap;
        this.owners = owners;
    }

    public static CapFilter perUser(int cap) {
        return new CapFilter("per-user-cap", cap, MinedPair::users);
    }

    public static CapFilter perConversation(int cap) {
        return new CapFilter("per-conversation-cap", cap, p -> Set.copyOf(List.of(
                p.pair().chosen().conversationId(), p.pair().rejected().conversationId())));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return "v1";
    }

    @Override
    public Outcome apply(MinedSet set) {
        List<MinedPair> ordered = new ArrayList<>(set.pairs());
        ordered.sort(MinedPair.STRONGEST_FIRST);
        Map<String, Integer> counts = new HashMap<>();
        List<MinedPair> kept = new ArrayList<>();
        Map<String, Integer> droppedByOwner = new HashMap<>();
        for (MinedPair pair : ordered) {
            Set<String> of = owners.apply(pair);
            if (of.stream().allMatch(owner -> counts.getOrDefault(owner, 0) < cap)) {
                of.forEach(owner -> counts.merge(owner, 1, Integer::sum));
                kept.add(pair);
            } else {
                of.stream().filter(owner -> counts.getOrDefault(owner, 0) >= cap)
                        .forEach(owner -> droppedByOwner.merge(owner, 1, Integer::sum));
            }
        }
        Set<String> keptIds = new HashSet<>();
        kept.forEach(p -> keptIds.add(p.pair().pairId()));
        List<MinedPair> inOriginalOrder = set.pairs().stream().filter(p -> keptIds.contains(p.pair().pairId())).toList();
        return new Outcome(set.with(inOriginalOrder, set.labels()), new FilterStep(name, version(),
                set.pairs().size(), set.pairs().size() - kept.size(),
                Map.of("cap", cap, "ownersCapped", droppedByOwner.size())));
    }
}
