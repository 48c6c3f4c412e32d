package dev.ufp.mining.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.ingestion.problem.ApiProblem;
import dev.ufp.mining.candidates.ResponseSource;
import dev.ufp.mining.dataset.DatasetStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Incremental mining: for every dataset, when the tenant's projections changed since its newest version was mined
 * (new responses, signals, reactions — see {@link ResponseSource#fingerprint}), mine a new version with the same
 * request. The trainer bridge streams the pairs that are new in it to online training jobs.
 */
public class AutoMining {

    private static final Logger log = LoggerFactory.getLogger(AutoMining.class);

    private final DatasetStore store;
    private final ResponseSource source;
    private final MiningJobs jobs;
    private final ObjectMapper mapper;

    AutoMining(DatasetStore store, ResponseSource source, MiningJobs jobs, ObjectMapper mapper) {
        this.store = store;
        this.source = source;
        this.jobs = jobs;
        this.mapper = mapper;
    }

    /** Submits a mining job for every dataset whose source changed; returns the jobs submitted. */
    public List<MiningJob> remineChanged() {
        List<MiningJob> submitted = new ArrayList<>();
        for (DatasetStore.LatestVersion latest : store.latestVersions()) {
            if (latest.request() == null || jobs.isActive(latest.tenant(), latest.name())) {
                continue;
            }
            String now = source.fingerprint(latest.tenant());
            if (!now.equals(latest.sourceFingerprint())) {
                log.info("Projections of tenant {} changed since dataset {} {} was mined: mining a new version",
                        latest.tenant(), latest.name(), latest.datasetId());
                try {
                    submitted.add(jobs.submit(latest.tenant(), request(latest)));
                } catch (ApiProblem refused) {
                    log.info("Not mining {} of tenant {} now: {} (tried again at the next check)", latest.name(),
                            latest.tenant(), refused.getMessage());
                }
            }
        }
        return submitted;
    }

    private MiningRequest request(DatasetStore.LatestVersion latest) {
        try {
            return mapper.readValue(latest.request(), MiningRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored request of " + latest.datasetId() + " is not readable", e);
        }
    }
}
