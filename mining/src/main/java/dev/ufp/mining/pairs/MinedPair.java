package dev.ufp.mining.pairs;

import dev.ufp.mining.dataset.PreferencePair;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A pair while it is being curated: the pair itself plus what curation needs and the dataset does not keep — the
 * prompt group it came from and the users whose actions decided it.
 */
public record MinedPair(PreferencePair pair, String promptKey, Set<String> users) {

    private static final List<String> ORIGINS = List.of("regeneration", "sibling", "same-prompt");

    /**
     * The order in which curation keeps pairs when it must choose: the strongest first, then the most direct
     * comparison (a regeneration, then siblings of one turn, then the same prompt in different conversations),
     * then by id so the choice is deterministic.
     */
    public static final Comparator<MinedPair> STRONGEST_FIRST = Comparator
            .comparingDouble((MinedPair p) -> -p.pair().strength())
            .thenComparingInt(p -> ORIGINS.indexOf(p.pair().origin()))
            .thenComparing(p -> p.pair().pairId());

    public MinedPair {
        users = Set.copyOf(users);
    }
}
