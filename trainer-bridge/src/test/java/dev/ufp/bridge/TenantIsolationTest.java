package dev.ufp.bridge;

import dev.ufp.mining.dataset.DatasetManifest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tenant B never sees, streams, checks or exports tenant A's dataset; roles are enforced. */
class TenantIsolationTest extends BridgeTestSupport {

    @Test
    void anotherTenantsDatasetIsNotFoundAnywhere() throws Exception {
        String keyA = issueKey("tenant-a", "trainer");
        String keyB = issueKey("tenant-b", "trainer");
        DatasetManifest dataset = save("tenant-a", "prefs", 5, 2);
        String id = dataset.datasetId();

        assertThat(get(keyA, "/v1/datasets/" + id + "/pairs").statusCode()).isEqualTo(200);
        assertThat(json(get(keyB, "/v1/datasets")).get("datasets")).isEmpty();
        for (String path : new String[]{"", "/pairs", "/pairs?format=kto&limit=1", "/checksum"}) {
            var response = get(keyB, "/v1/datasets/" + id + path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(new String(response.body())).doesNotContain("prompt");
        }
        assertThat(send(keyB, "POST", "/v1/datasets/" + id + "/exports").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyTrainerKeysMayReadDatasets() throws Exception {
        DatasetManifest dataset = save("tenant-roles", "prefs", 3, 0);
        String analyst = issueKey("tenant-roles", "analyst", "ingest");
        assertThat(get(analyst, "/v1/datasets").statusCode()).isEqualTo(403);
        assertThat(get(analyst, "/v1/datasets/" + dataset.datasetId() + "/pairs").statusCode()).isEqualTo(403);
        assertThat(send(analyst, "POST", "/v1/datasets/" + dataset.datasetId() + "/exports").statusCode())
                .isEqualTo(403);
        assertThat(get(null, "/v1/datasets").statusCode()).isEqualTo(401);
        assertThat(get("ufp_nope_nope", "/v1/datasets/" + dataset.datasetId() + "/pairs").statusCode())
                .isEqualTo(401);
    }
}
