package dev.ufp.bridge;

import dev.ufp.mining.dataset.DatasetManifest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** gzip on {@code Accept-Encoding: gzip} or {@code gzip=true}; the page checksum is of the uncompressed bytes. */
class GzipTest extends BridgeTestSupport {

    @Test
    void gzippedStreamsAndPagesDecompressToThePlainBytes() throws Exception {
        String key = issueKey("gzip", "trainer");
        DatasetManifest dataset = save("gzip", "prefs", 300, 10);
        String path = "/v1/datasets/" + dataset.datasetId() + "/pairs?format=trl-conversational";
        HttpResponse<byte[]> plain = get(key, path);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();

        HttpResponse<byte[]> negotiated = get(key, path, "Accept-Encoding", "br;q=1.0, gzip;q=0.8");
        assertThat(negotiated.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(negotiated.body().length).isLessThan(plain.body().length / 2);
        assertThat(gunzip(negotiated.body())).isEqualTo(plain.body());

        HttpResponse<byte[]> asked = get(key, path + "&gzip=true");
        assertThat(asked.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(asked.body())).isEqualTo(plain.body());

        HttpResponse<byte[]> refused = get(key, path, "Accept-Encoding", "gzip;q=0, identity");
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();

        HttpResponse<byte[]> page = get(key, path + "&limit=50&gzip=true");
        byte[] pageBytes = gunzip(page.body());
        assertThat(page.headers().firstValue("X-Page-Sha256")).hasValue(sha256(pageBytes));
        assertThat(lines(pageBytes)).hasSize(50);
    }

    private static byte[] gunzip(byte[] body) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
