package dev.ufp.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.bridge.bench.StandaloneBridge;
import dev.ufp.bridge.bench.SyntheticDatasets;
import dev.ufp.mining.dataset.DatasetManifest;
import dev.ufp.mining.dataset.DatasetStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The standalone bridge (ingestion + trainer-bridge + the dataset store; no Elasticsearch, no Kafka) on a random
 * port over real HTTP, with the platform's default store kind: an H2 file (a fresh one per test JVM, under
 * {@code target/}). Every test class shares this context and uses its own tenants.
 */
@SpringBootTest(classes = StandaloneBridge.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {StandaloneBridge.ENABLED + "=true",
                "spring.datasource.url=jdbc:h2:file:./target/bridge-test-db/${random.uuid};MODE=PostgreSQL;"
                        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "feedback.admin-key=" + BridgeTestSupport.ADMIN_KEY,
                "feedback.kafka.enabled=false",
                "feedback.bridge.export-dir=target/bridge-exports"})
public abstract class BridgeTestSupport {

    public static final String ADMIN_KEY = "test-admin-key";
    protected static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    protected int port;
    @Autowired
    protected DatasetStore store;

    protected final HttpClient http = HttpClient.newHttpClient();

    protected String base() {
        return "http://127.0.0.1:" + port;
    }

    protected String issueKey(String tenant, String... roles) throws Exception {
        String body = JSON.writeValueAsString(Map.of("tenant", tenant, "roles", List.of(roles)));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/v1/admin/keys"))
                .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("key").asText();
    }

    /** Saves a synthetic version: pairs {@code 0..pairs-1} and {@code labels} labels. */
    protected DatasetManifest save(String tenant, String name, int pairs, int labels) {
        return store.save(SyntheticDatasets.manifest(tenant, name, pairs, labels),
                SyntheticDatasets.pairs(tenant, 0, pairs), SyntheticDatasets.labels(tenant, labels));
    }

    protected HttpResponse<byte[]> get(String key, String path, String... headers) throws Exception {
        return send(key, "GET", path, headers);
    }

    protected HttpResponse<byte[]> send(String key, String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    protected HttpResponse<InputStream> open(String key, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + key)
                .build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    protected JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return JSON.readTree(response.body());
    }

    protected static List<JsonNode> lines(byte[] body) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return rows;
        }
        if (!text.endsWith("\n")) {
            throw new AssertionError("a JSONL body must end with a newline");
        }
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                rows.add(JSON.readTree(line));
            }
        }
        return rows;
    }

    protected static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
