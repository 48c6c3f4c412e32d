package dev.ufp.mining.reward;

import dev.ufp.mining.curation.PairJudge;
import dev.ufp.mining.dataset.PreferencePair;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The noise filter's judge: the tenant's latest P[Love] ensemble scores both sides of every pair; a head's
 * margin is the difference of its logits, log-odds(chosen) − log-odds(rejected), so heads that are confident
 * either way count for more than a difference of two small probabilities would.
 */
@Component
public class EnsemblePairJudge implements PairJudge {

    private static final double EPSILON = 1e-6;

    private final RewardScorer scorer;

    public EnsemblePairJudge(RewardScorer scorer) {
        this.scorer = scorer;
    }

    @Override
    public Optional<Judgement> judge(String tenant, List<PreferencePair> pairs) {
        List<RewardInput> inputs = new ArrayList<>(pairs.size() * 2);
        for (PreferencePair pair : pairs) {
            inputs.add(new RewardInput(pair.prompt(), pair.context(), pair.chosen().text()));
            inputs.add(new RewardInput(pair.prompt(), pair.context(), pair.rejected().text()));
        }
        return scorer.score(tenant, null, inputs, ScoreMode.MEAN).map(scored -> {
            double[][] margins = new double[pairs.size()][];
            for (int i = 0; i < pairs.size(); i++) {
                List<Double> chosen = scored.scores().get(2 * i).heads();
                List<Double> rejected = scored.scores().get(2 * i + 1).heads();
                margins[i] = new double[chosen.size()];
                for (int h = 0; h < chosen.size(); h++) {
                    margins[i][h] = logit(chosen.get(h)) - logit(rejected.get(h));
                }
            }
            return new Judgement(scored.model(), margins);
        });
    }

    static double logit(double p) {
        double q = Math.min(1 - EPSILON, Math.max(EPSILON, p));
        return Math.log(q / (1 - q));
    }
}
