package dev.ufp.infra.evaluation;

import dev.ufp.infra.simulator.GroundTruth;
import dev.ufp.projections.followup.RocAuc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Does the follow-up predict what the user felt? ROC AUC of the follow-up polarity of rated responses against
 * their 0/1 rating, over the rated responses that have a follow-up.
 */
public record FollowUpRatingAuc(double auc, int pairs, int liked, int withoutFollowUp, int missing) {

    /** @param polarity the follow-up polarity of a response; NaN when it has no follow-up; null if not projected */
    public static FollowUpRatingAuc of(List<GroundTruth.ResponseTruth> rated,
                                       Function<GroundTruth.ResponseRef, Double> polarity) {
        List<Double> scores = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        int withoutFollowUp = 0;
        int missing = 0;
        for (GroundTruth.ResponseTruth r : rated) {
            if (r.rating() == null) {
                continue;
            }
            Double p = polarity.apply(new GroundTruth.ResponseRef(r.conversationId(), r.responseId()));
            if (p == null) {
                missing++;
            } else if (p.isNaN()) {
                withoutFollowUp++;
            } else {
                scores.add(p);
                labels.add(r.rating() == 1);
            }
        }
        double[] s = scores.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] l = new boolean[labels.size()];
        int liked = 0;
        for (int i = 0; i < l.length; i++) {
            l[i] = labels.get(i);
            liked += l[i] ? 1 : 0;
        }
        return new FollowUpRatingAuc(RocAuc.of(s, l), s.length, liked, withoutFollowUp, missing);
    }
}
