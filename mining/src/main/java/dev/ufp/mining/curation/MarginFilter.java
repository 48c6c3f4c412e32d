package dev.ufp.mining.curation;

import dev.ufp.mining.dataset.FilterStep;
import dev.ufp.mining.pairs.MinedPair;
import dev.ufp.mining.pairs.MinedSet;

import java.util.List;
import java.util.Map;

/** Drops pairs whose sides' scores differ by less than the minimum margin: ambiguous preferences. */
public final class MarginFilter implements CurationStep {

    private final double minMargin;

    public MarginFilter(double minMargin) {
        this.minMargin = minMargin;
    }

    @Override
    public String name() {
        return "min-margin";
    }

    @Override
    public String version() {
        return "v1";
    }

    @Override
    public Outcome apply(MinedSet set) {
        List<MinedPair> kept = set.pairs().stream().filter(p -> p.pair().margin() >= minMargin).toList();
        return new Outcome(set.with(kept, set.labels()), new FilterStep(name(), version(), set.pairs().size(),
                set.pairs().size() - kept.size(), Map.of("minMargin", minMargin)));
    }
}
