package dev.ufp.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ufp.mining.dataset.DatasetManifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job that dies mid-stream resumes exactly where it stopped: no duplicates, no gaps. Streams are cut at seeded
 * random byte offsets over real HTTP (the client reads so far and hangs up), and pages of seeded random sizes are
 * chained by their cursors; either way the bytes put together equal the uninterrupted stream.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResumeTest extends BridgeTestSupport {

    private static final List<String> QUERIES = List.of("format=trl", "format=kto&kto-source=both",
            "format=trl-conversational&split=train&minStrength=0.2", "format=kto&kto-source=pairs");
    private String key;
    private String path;

    @BeforeAll
    void saveDataset() throws Exception {
        key = issueKey("resume", "trainer");
        DatasetManifest dataset = save("resume", "prefs", 600, 150);
        path = "/v1/datasets/" + dataset.datasetId() + "/pairs?";
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void anUnlimitedStreamCutAtARandomByteResumesFromTheLastCompleteRowsCursor(int seed) throws Exception {
        Random random = new Random(seed);
        String query = QUERIES.get(seed % QUERIES.size()) + "&meta=true";
        byte[] full = get(key, path + query).body();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        String cursor = null;
        int cuts = 0;
        while (true) {
            String resume = cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            HttpResponse<InputStream> response = open(key, path + query + resume);
            assertThat(response.statusCode()).isEqualTo(200);
            byte[] part;
            boolean cut = cuts < 3;
            try (InputStream in = response.body()) {
                part = cut ? in.readNBytes(1 + random.nextInt(full.length / 3)) : in.readAllBytes();
            }
            // keep only complete lines, as a job that died mid-row would
            int end = lastNewline(part) + 1;
            received.write(part, 0, end);
            if (!cut) {
                break;
            }
            cuts++;
            if (end > 0) {
                List<JsonNode> rows = lines(Arrays.copyOf(part, end));
                cursor = rows.get(rows.size() - 1).get("_cursor").asText();
            }
        }
        assertThat(received.toByteArray()).isEqualTo(full);
    }

    @ParameterizedTest
    @ValueSource(ints = {11, 12, 13, 14})
    void pagesOfRandomSizesChainedByTheirCursorsGiveTheWholeStreamWithVerifiedChecksums(int seed) throws Exception {
        Random random = new Random(seed);
        String query = QUERIES.get(seed % QUERIES.size());
        byte[] full = get(key, path + query).body();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        String cursor = null;
        boolean more = true;
        int pages = 0;
        while (more) {
            int limit = 1 + random.nextInt(120);
            String resume = cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            HttpResponse<byte[]> page = get(key, path + query + "&limit=" + limit + resume);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("X-Page-Sha256")).hasValue(sha256(page.body()));
            long rows = lines(page.body()).size();
            assertThat(page.headers().firstValue("X-Page-Rows")).hasValue(Long.toString(rows));
            more = Boolean.parseBoolean(page.headers().firstValue("X-More").orElseThrow());
            assertThat(rows).isLessThanOrEqualTo(limit);
            if (more) {
                assertThat(rows).isEqualTo(limit);
            }
            cursor = page.headers().firstValue("X-Next-Cursor").orElse(cursor);
            received.write(page.body());
            pages++;
        }
        assertThat(pages).isGreaterThan(3);
        assertThat(received.toByteArray()).isEqualTo(full);
        JsonNode checksum = json(get(key, path.replace("/pairs?", "/checksum?") + query));
        assertThat(checksum.get("sha256").asText()).isEqualTo(sha256(full));
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
