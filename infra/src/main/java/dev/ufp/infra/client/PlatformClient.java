package dev.ufp.infra.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A minimal client of the platform's HTTP API, as a product backend would write one. Thread-safe. */
public final class PlatformClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;

    public PlatformClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String issueKey(String adminKey, String tenant, List<String> roles) throws IOException, InterruptedException {
        JsonNode issued = send("POST", "/v1/admin/keys", adminKey, json.writeValueAsString(
                Map.of("tenant", tenant, "roles", roles)), 201);
        return issued.get("key").asText();
    }

    /** Posts one batch; answers the platform's per-item results ({@code results}, {@code accepted}, …). */
    public JsonNode postEvents(String key, List<ObjectNode> events) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode();
        body.putArray("events").addAll(events);
        return send("POST", "/v1/events", key, json.writeValueAsString(body), 200, 207);
    }

    public JsonNode history(String key, String conversationId) throws IOException, InterruptedException {
        return send("GET", "/v1/conversations/" + conversationId + "/events", key, null, 200);
    }

    public JsonNode get(String key, String pathAndQuery) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, key, null, 200);
    }

    /** POSTs a JSON body; answers the response body when the status is one of {@code expected}. */
    public JsonNode post(String key, String path, Object body, int... expected) throws IOException, InterruptedException {
        return send("POST", path, key, json.writeValueAsString(body), expected);
    }

    /** GETs a JSON-lines stream, one node per line. */
    public List<JsonNode> getLines(String key, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request("GET", pathAndQuery, key, null),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
        }
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (!line.isBlank()) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }

    public String pretty(JsonNode node) throws IOException {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    private HttpRequest request(String method, String path, String key, String body) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private JsonNode send(String method, String path, String key, String body, int... expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(method, path, key, body),
                HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return json.readTree(response.body());
            }
        }
        throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
}
