package dev.ufp.mining.dataset;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a dataset version is and how it was made: rule and detector versions, the parameters, the counts, every
 * curation step with its drops, the split, and the chosen/rejected length ratio (the length-bias guard).
 */
public record DatasetManifest(String datasetId, String tenant, String name, int version, Instant createdAt,
                              Map<String, String> ruleVersions, Map<String, String> detectorVersions,
                              Map<String, Object> parameters, long candidates, long pairs, long labels,
                              List<FilterStep> filters, Map<String, Long> pairsBySplit,
                              Map<String, Long> labelsBySplit, Map<String, Object> lengthBias) {

    public DatasetManifest {
        ruleVersions = Map.copyOf(ruleVersions);
        detectorVersions = Map.copyOf(detectorVersions);
        parameters = Map.copyOf(parameters);
        filters = List.copyOf(filters);
        pairsBySplit = Map.copyOf(pairsBySplit);
        labelsBySplit = Map.copyOf(labelsBySplit);
        lengthBias = Map.copyOf(lengthBias);
    }

    public DatasetManifest identified(String id, int number, Instant at) {
        return new DatasetManifest(id, tenant, name, number, at, ruleVersions, detectorVersions, parameters,
                candidates, pairs, labels, filters, pairsBySplit, labelsBySplit, lengthBias);
    }
}
