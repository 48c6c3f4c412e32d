package dev.ufp.mining.curation;

import dev.ufp.mining.dataset.PreferencePair;

import java.util.List;
import java.util.Optional;

/** A reward-model ensemble's view of pairs: for each pair, each head's r(chosen) − r(rejected). */
public interface PairJudge {

    /** Empty when the tenant has no reward model yet. */
    Optional<Judgement> judge(String tenant, List<PreferencePair> pairs);

    /** @param margins one row per pair (input order), one column per ensemble head */
    record Judgement(String modelId, double[][] margins) {
    }
}
