package dev.ufp.mining.curation;

import dev.ufp.mining.dataset.FilterStep;
import dev.ufp.mining.pairs.MinedPair;
import dev.ufp.mining.pairs.MinedSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The noise filter (after Secrets of RLHF II / reward-model ensembles): drops a pair when the tenant's reward-model
 * ensemble strongly contradicts it — every head prefers the rejected side and the mean margin against the chosen
 * side exceeds {@code threshold}. Without a model the step is recorded as skipped and keeps everything.
 */
public final class NoiseFilter implements CurationStep {

    private final PairJudge judge;
    private final String tenant;
    private final double threshold;

    public NoiseFilter(PairJudge judge, String tenant, double threshold) {
        this.judge = judge;
        this.tenant = tenant;
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "ensemble-noise";
    }

    @Override
    public String version() {
        return "v1";
    }

    @Override
    public Outcome apply(MinedSet set) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("threshold", threshold);
        Optional<PairJudge.Judgement> judgement = set.pairs().isEmpty() ? Optional.empty()
                : judge.judge(tenant, set.pairs().stream().map(MinedPair::pair).toList());
        if (judgement.isEmpty()) {
            details.put("skipped", set.pairs().isEmpty() ? "no pairs" : "no reward model for this tenant yet");
            return new Outcome(set, new FilterStep(name(), version(), set.pairs().size(), 0, details));
        }
        double[][] margins = judgement.get().margins();
        List<MinedPair> kept = new ArrayList<>();
        for (int i = 0; i < set.pairs().size(); i++) {
            if (!contradicted(margins[i])) {
                kept.add(set.pairs().get(i));
            }
        }
        details.put("model", judgement.get().modelId());
        return new Outcome(set.with(kept, set.labels()), new FilterStep(name(), version(), set.pairs().size(),
                set.pairs().size() - kept.size(), details));
    }

    boolean contradicted(double[] heads) {
        double sum = 0;
        for (double margin : heads) {
            if (margin >= 0) {
                return false;
            }
            sum += margin;
        }
        return heads.length > 0 && -sum / heads.length > threshold;
    }
}
