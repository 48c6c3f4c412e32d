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

    /** Pairs judged per call: bounds the memory of the features scored at once. */
    private static final int CHUNK = 1000;

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
        List<MinedPair> kept = new ArrayList<>();
        String model = null;
        for (int from = 0; from < set.pairs().size(); from += CHUNK) {
            List<MinedPair> chunk = set.pairs().subList(from, Math.min(set.pairs().size(), from + CHUNK));
            Optional<PairJudge.Judgement> judgement = judge.judge(tenant, chunk.stream().map(MinedPair::pair).toList());
            if (judgement.isEmpty()) {
                details.put("skipped", "no reward model for this tenant yet");
                return new Outcome(set, new FilterStep(name(), version(), set.pairs().size(), 0, details));
            }
            model = judgement.get().modelId();
            double[][] margins = judgement.get().margins();
            for (int i = 0; i < chunk.size(); i++) {
                if (!contradicted(margins[i])) {
                    kept.add(chunk.get(i));
                }
            }
        }
        if (model == null) {
            details.put("skipped", "no pairs");
            return new Outcome(set, new FilterStep(name(), version(), 0, 0, details));
        }
        details.put("model", model);
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
