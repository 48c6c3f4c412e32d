package dev.ufp.bridge.api;

import dev.ufp.ingestion.problem.ApiProblem;
import dev.ufp.ingestion.tenancy.Caller;
import dev.ufp.mining.dataset.DatasetManifest;
import dev.ufp.mining.dataset.DatasetStore;
import org.springframework.stereotype.Component;

import java.util.List;

/** The caller's datasets: role {@code trainer}; another tenant's version is indistinguishable from none (404). */
@Component
class TenantDatasets {

    private final DatasetStore store;

    TenantDatasets(DatasetStore store) {
        this.store = store;
    }

    List<DatasetManifest> list(Caller caller) {
        return store.list(caller.tenant());
    }

    DatasetManifest owned(Caller caller, String datasetId) {
        return store.manifest(caller.tenant(), datasetId).orElseThrow(() ->
                ApiProblem.notFound("no dataset " + datasetId + " in tenant " + caller.tenant()));
    }
}
