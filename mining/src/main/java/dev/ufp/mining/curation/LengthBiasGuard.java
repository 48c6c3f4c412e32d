package dev.ufp.mining.curation;

import dev.ufp.mining.dataset.FilterStep;
import dev.ufp.mining.pairs.MinedPair;
import dev.ufp.mining.pairs.MinedSet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The length-bias guard: a reward model trained on pairs whose chosen side is usually the longer one learns
 * "longer is better" (a classic reward hack). It always reports the chosen/rejected length ratio and how often the
 * chosen side is longer; with {@code balance} it drops the weakest pairs of the over-represented direction until
 * the share of chosen-longer pairs is within {@code tolerance} of one half.
 */
public final class LengthBiasGuard implements CurationStep {

    private final boolean balance;
    private final double tolerance;

    public LengthBiasGuard(boolean balance, double tolerance) {
        this.balance = balance;
        this.tolerance = tolerance;
    }

    @Override
    public String name() {
        return "length-bias";
    }

    @Override
    public String version() {
        return "v1";
    }

    @Override
    public Outcome apply(MinedSet set) {
        Map<String, Object> before = measure(set.pairs());
        List<MinedPair> kept = balance ? balanced(set.pairs()) : set.pairs();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("balance", balance);
        details.put("tolerance", tolerance);
        details.put("before", before);
        details.put("after", measure(kept));
        return new Outcome(set.with(kept, set.labels()), new FilterStep(name(), version(), set.pairs().size(),
                set.pairs().size() - kept.size(), details));
    }

    /** Mean chosen length ÷ mean rejected length, and the share of pairs whose chosen side is longer. */
    public static Map<String, Object> measure(List<MinedPair> pairs) {
        long chosen = 0;
        long rejected = 0;
        long chosenLonger = 0;
        for (MinedPair pair : pairs) {
            int c = pair.pair().chosen().text().length();
            int r = pair.pair().rejected().text().length();
            chosen += c;
            rejected += r;
            chosenLonger += c > r ? 1 : 0;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pairs", pairs.size());
        out.put("meanLengthRatio", rejected == 0 ? 0.0 : round((double) chosen / rejected));
        out.put("chosenLongerShare", pairs.isEmpty() ? 0.0 : round((double) chosenLonger / pairs.size()));
        return out;
    }

    private List<MinedPair> balanced(List<MinedPair> pairs) {
        List<MinedPair> longer = new ArrayList<>();
        List<MinedPair> notLonger = new ArrayList<>();
        for (MinedPair pair : pairs) {
            (pair.pair().chosen().text().length() > pair.pair().rejected().text().length() ? longer : notLonger)
                    .add(pair);
        }
        List<MinedPair> excess = longer.size() > notLonger.size() ? longer : notLonger;
        int other = excess == longer ? notLonger.size() : longer.size();
        // keep the excess side to at most (0.5 + tolerance) of the total: excess ≤ other · (0.5+t)/(0.5−t)
        int allowed = (int) Math.floor(other * (0.5 + tolerance) / (0.5 - tolerance));
        if (excess.size() <= allowed) {
            return pairs;
        }
        excess.sort(MinedPair.STRONGEST_FIRST);
        Set<String> dropped = new HashSet<>();
        excess.subList(allowed, excess.size()).forEach(p -> dropped.add(p.pair().pairId()));
        return pairs.stream().filter(p -> !dropped.contains(p.pair().pairId())).toList();
    }

    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }
}
