package dev.ufp.infra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the projections a run left behind equal a clean rebuild's: every document of the three aliases read
 * (after the abandonment sweep, which a rebuild also runs), {@code POST /v1/admin/projections/rebuild} awaited, the
 * aliases read again and compared document by document (id and source).
 */
final class RebuildComparison {

    static final List<String> ALIASES = List.of("feedback-responses", "feedback-signals", "feedback-conversations");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    /** Per alias: documents before, after, and how many differ (missing on one side or with another source). */
    record Result(Map<String, long[]> byAlias, String rebuild) {
        boolean equal() {
            return byAlias.values().stream().allMatch(c -> c[0] == c[1] && c[2] == 0);
        }

        void print(java.io.PrintStream out) {
            byAlias.forEach((alias, c) -> out.printf("%-25s live %,d   rebuilt %,d   differing %,d%n", alias, c[0],
                    c[1], c[2]));
        }
    }

    private final HttpClient http;
    private final PlatformProcess platform;
    private final ProjectionElastic elastic;

    RebuildComparison(HttpClient http, PlatformProcess platform, ProjectionElastic elastic) {
        this.http = http;
        this.platform = platform;
        this.elastic = elastic;
    }

    Result run() throws Exception {
        admin("POST", "/v1/admin/projections/abandonment-sweep");
        Map<String, Map<String, JsonNode>> live = snapshot();
        JsonNode status = admin("POST", "/v1/admin/projections/rebuild");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (status.path("state").asText().matches("starting|replaying|following|handing-over")) {
            if (System.nanoTime() > deadline) {
                throw new EventsClient.IncorrectResult("the rebuild did not finish within " + TIMEOUT + ": " + status);
            }
            Thread.sleep(500);
            status = admin("GET", "/v1/admin/projections/rebuild");
        }
        if (!"done".equals(status.path("state").asText())) {
            throw new EventsClient.IncorrectResult("the rebuild ended " + status);
        }
        Map<String, Map<String, JsonNode>> rebuilt = snapshot();
        Map<String, long[]> counts = new HashMap<>();
        for (String alias : ALIASES) {
            Map<String, JsonNode> before = live.get(alias);
            Map<String, JsonNode> after = rebuilt.get(alias);
            long differing = before.entrySet().stream().filter(e -> !e.getValue().equals(after.get(e.getKey())))
                    .count() + after.keySet().stream().filter(id -> !before.containsKey(id)).count();
            counts.put(alias, new long[] {before.size(), after.size(), differing});
        }
        return new Result(counts, status.toString());
    }

    private Map<String, Map<String, JsonNode>> snapshot() throws Exception {
        Map<String, Map<String, JsonNode>> all = new HashMap<>();
        for (String alias : ALIASES) {
            elastic.call("POST", "/" + alias + "/_refresh", null);
            Map<String, JsonNode> docs = new HashMap<>();
            for (ProjectionElastic.Doc doc : elastic.readAll(alias)) {
                docs.put(doc.id(), JSON.readTree(doc.source()));
            }
            all.put(alias, docs);
        }
        return all;
    }

    private JsonNode admin(String method, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(platform.uri(path))
                .header("Authorization", "Bearer " + platform.adminKey()).timeout(Duration.ofSeconds(60));
        request.method(method, HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        return answer.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(answer.body());
    }
}
