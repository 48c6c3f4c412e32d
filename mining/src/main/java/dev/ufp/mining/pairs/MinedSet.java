package dev.ufp.mining.pairs;

import dev.ufp.mining.dataset.UnpairedLabel;

import java.util.List;
import java.util.Map;

/**
 * What one mining pass produced before curation: every pair whose sides' scores differ, the unpaired labels, and
 * the detector versions behind the signals that were read.
 */
public record MinedSet(long candidates, List<MinedPair> pairs, List<UnpairedLabel> labels,
                       Map<String, String> detectors) {

    public MinedSet {
        pairs = List.copyOf(pairs);
        labels = List.copyOf(labels);
        detectors = Map.copyOf(detectors);
    }

    public MinedSet with(List<MinedPair> newPairs, List<UnpairedLabel> newLabels) {
        return new MinedSet(candidates, newPairs, newLabels, detectors);
    }
}
