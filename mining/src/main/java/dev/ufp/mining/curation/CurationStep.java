package dev.ufp.mining.curation;

import dev.ufp.mining.pairs.MinedSet;

/** One curation step: keeps part of a mined set and says what it dropped. */
public interface CurationStep {

    String name();

    String version();

    Outcome apply(MinedSet set);

    /** What the step kept, and its manifest entry. */
    record Outcome(MinedSet kept, dev.ufp.mining.dataset.FilterStep report) {
    }
}
