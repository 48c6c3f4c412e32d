package dev.ufp.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ufp.mining.dataset.DatasetManifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input is a 400 RFC 9457 problem naming the parameter, the value and what is allowed; nothing is streamed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadParametersTest extends BridgeTestSupport {

    private String key;
    private String id;

    @BeforeAll
    void saveDataset() throws Exception {
        key = issueKey("bad-params", "trainer");
        DatasetManifest dataset = save("bad-params", "prefs", 4, 2);
        id = dataset.datasetId();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "format=parquet                        | format       | parquet   | trl, trl-conversational, kto, openrlhf, rlhflow, native",
            "split=validation                      | split        | validation| train, test",
            "minStrength=1.5                       | minStrength  | 1.5       | a number from 0 to 1",
            "minStrength=strong                    | minStrength  | strong    | a number from 0 to 1",
            "from=yesterday                        | from         | yesterday | an ISO-8601 instant, e.g. 2026-11-29T00:00:00Z",
            "from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z | to | 2026-11-01T00:00:00Z | after from=2026-11-02T00:00:00Z",
            "limit=0                               | limit        | 0         | 1 to 100000 (omit it for the whole stream)",
            "limit=100001                          | limit        | 100001    | 1 to 100000 (omit it for the whole stream)",
            "cursor=garbage                        | cursor       | garbage   | a cursor from X-Next-Cursor or a row's _cursor",
            "format=trl&cursor=djE6bDozOjA         | cursor       | djE6bDozOjA | a cursor of a trl stream with the same options",
            "meta=yes                              | meta         | yes       | true, false",
            "gzip=1                                | gzip         | 1         | true, false",
            "kto-source=pairs                      | kto-source   | pairs     | only with format=kto",
            "format=kto&kto-source=all             | kto-source   | all       | labels, pairs, both",
            "prompt-key=q                          | prompt-key   | q         | only with format=openrlhf",
            "format=openrlhf&chosen-key=a b        | chosen-key   | a b       | [A-Za-z_][A-Za-z0-9_.-]{0,63}",
            "format=openrlhf&chosen-key=prompt     | prompt-key   | prompt,prompt,rejected | three different keys",
            "format=trl&messages=true              | messages     | true      | only with format=kto or format=openrlhf",
            "min_strength=0.5                      | min_strength | 0.5       | chosen-key, cursor, format, from, gzip, kto-source, limit, messages, meta, minStrength, model, prompt-key, rejected-key, split, to",
            "format=trl&format=kto                 | format       | 'trl,kto' | one value"})
    void badParametersAreProblemsNamingParameterValueAndAllowed(String query, String field, String value,
                                                                 String allowed) throws Exception {
        HttpResponse<byte[]> response = get(key, "/v1/datasets/" + id + "/pairs?" + query.replace(" ", "%20"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("type").asText()).endsWith("/invalid-parameter");
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("value").asText()).isEqualTo(value);
        assertThat(error.get("limit").asText()).isEqualTo(allowed);
        assertThat(problem.get("detail").asText()).contains(field);
    }

    @Test
    void theChecksumAndExportEndpointsCheckTheSameWay() throws Exception {
        assertThat(get(key, "/v1/datasets/" + id + "/checksum?format=csv").statusCode()).isEqualTo(400);
        assertThat(get(key, "/v1/datasets/" + id + "/checksum?gzip=true").statusCode()).isEqualTo(400);
        HttpResponse<byte[]> export = send(key, "POST", "/v1/datasets/" + id + "/exports?split=train");
        assertThat(export.statusCode()).isEqualTo(400);
        assertThat(json(export).get("errors").get(0).get("field").asText()).isEqualTo("split");
        assertThat(send(key, "POST", "/v1/datasets/" + id + "/exports?format=trl,xml").statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownDatasetIsNotFound() throws Exception {
        HttpResponse<byte[]> response = get(key, "/v1/datasets/ds_0000000000/pairs");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("status").asInt()).isEqualTo(404);
    }
}
