package dev.ufp.bridge;

import dev.ufp.mining.dataset.DatasetManifest;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200,000 pairs saved through {@code DatasetStore.save}, streamed through the HTTP endpoint with flat memory.
 * <p>
 * Approach: the server runs in this JVM. After saving, a full GC gives the baseline heap. The client then reads the
 * stream slowly enough to matter, and at every 20,000 rows forces a GC and samples the used heap. The samples are
 * taken <em>while</em> the stream is open, so anything the server retained — a buffered page, a materialised
 * result set, rows collected before writing — would still be reachable and show up; a measurement only after the
 * stream ended could not tell (garbage by then). The bound, 64 MB, is well below the ~200 MB of JSONL streamed.
 * The digest of the received bytes is checked against the checksum endpoint. An integration test (Failsafe):
 * saving and reading 200k rows twice takes minutes on a busy machine.
 */
class LargeStreamBridgeIntegrationTest extends BridgeTestSupport {

    private static final int PAIRS = 200_000;
    private static final long BOUND = 64L * 1024 * 1024;

    @Test
    void streamingAVersionOf200kPairsKeepsTheHeapFlat() throws Exception {
        String key = issueKey("large", "trainer");
        DatasetManifest dataset = save("large", "prefs", PAIRS, 0);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = usedAfterGc(memory);
        long peak = 0;
        long rows = 0;
        long bytes = 0;
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        HttpResponse<InputStream> response = open(key, "/v1/datasets/" + dataset.datasetId() + "/pairs?format=trl");
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n' && ++rows % 20_000 == 0) {
                        peak = Math.max(peak, usedAfterGc(memory) - baseline);
                    }
                }
            }
        }
        assertThat(rows).isEqualTo(PAIRS);
        assertThat(bytes).isGreaterThan(100L * 1024 * 1024);
        String expected = json(get(key, "/v1/datasets/" + dataset.datasetId() + "/checksum?format=trl"))
                .get("sha256").asText();
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(expected);
        System.out.printf("streamed %d rows, %d MB; heap growth while streaming at most %d MB%n", rows,
                bytes >> 20, peak >> 20);
        assertThat(peak).as("heap growth while streaming").isLessThan(BOUND);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
