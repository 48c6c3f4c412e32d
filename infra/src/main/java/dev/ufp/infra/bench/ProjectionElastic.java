package dev.ufp.infra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The few Elasticsearch REST calls the projection benchmark needs, over plain {@link HttpClient} (no client
 * library between the baseline and the server): counts, reading every document of an alias back (scroll), the
 * raw {@code _bulk} baseline and real-time multi-get for the visibility probe.
 */
final class ProjectionElastic {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One stored document: its id and its {@code _source} exactly as Elasticsearch returned it. */
    record Doc(String id, byte[] source) {
    }

    private final HttpClient http;
    private final String url;

    ProjectionElastic(HttpClient http, String url) {
        this.http = http;
        this.url = url;
    }

    JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": "
                    + new String(answer.body(), 0, Math.min(answer.body().length, 600), StandardCharsets.UTF_8));
        }
        return JSON.readTree(answer.body());
    }

    /** Refreshes, then counts the documents of an index or alias. */
    long count(String index) throws IOException, InterruptedException {
        call("POST", "/" + index + "/_refresh", null);
        return call("GET", "/" + index + "/_count", null).path("count").asLong(-1);
    }

    /** Refreshes, then counts the documents of an index or alias whose keyword {@code field} is {@code value}. */
    long count(String index, String field, String value) throws IOException, InterruptedException {
        call("POST", "/" + index + "/_refresh", null);
        return call("POST", "/" + index + "/_count", "{\"query\":{\"term\":{\"" + field + "\":\"" + value
                + "\"}}}").path("count").asLong(-1);
    }

    /** The concrete index behind an alias. */
    String concrete(String alias) throws IOException, InterruptedException {
        JsonNode answer = call("GET", "/_alias/" + alias, null);
        List<String> names = new ArrayList<>();
        answer.fieldNames().forEachRemaining(names::add);
        if (names.size() != 1) {
            throw new IllegalStateException("alias " + alias + " points to " + names);
        }
        return names.get(0);
    }

    /** Every document of an index or alias (scroll in {@code _doc} order, pages of 5,000). */
    List<Doc> readAll(String index) throws IOException, InterruptedException {
        List<Doc> docs = new ArrayList<>();
        JsonNode page = call("POST", "/" + index + "/_search?scroll=2m",
                "{\"size\":5000,\"sort\":[\"_doc\"],\"query\":{\"match_all\":{}}}");
        String scroll = page.path("_scroll_id").asText();
        try {
            while (page.path("hits").path("hits").size() > 0) {
                for (JsonNode hit : page.path("hits").path("hits")) {
                    docs.add(new Doc(hit.path("_id").asText(), JSON.writeValueAsBytes(hit.path("_source"))));
                }
                page = call("POST", "/_search/scroll", "{\"scroll\":\"2m\",\"scroll_id\":\"" + scroll + "\"}");
                scroll = page.path("_scroll_id").asText(scroll);
            }
        } finally {
            call("DELETE", "/_search/scroll", "{\"scroll_id\":\"" + scroll + "\"}");
        }
        return docs;
    }

    /** NDJSON {@code _bulk} bodies of at most {@code batch} index actions each, built before any timing. */
    static List<byte[]> bulkBodies(String index, List<Doc> docs, int batch) throws IOException {
        List<byte[]> bodies = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int inBody = 0;
        for (Doc doc : docs) {
            ObjectNode action = JSON.createObjectNode();
            action.putObject("index").put("_index", index).put("_id", doc.id());
            body.write(JSON.writeValueAsBytes(action));
            body.write('\n');
            body.write(doc.source());
            body.write('\n');
            if (++inBody == batch) {
                bodies.add(body.toByteArray());
                body.reset();
                inBody = 0;
            }
        }
        if (inBody > 0) {
            bodies.add(body.toByteArray());
        }
        return bodies;
    }

    /** Sends one {@code _bulk} body; fails unless every item succeeded. Returns the number of items. */
    int bulk(byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/_bulk")).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode result = JSON.readTree(answer.body());
        if (answer.statusCode() != 200 || result.path("errors").asBoolean(true)) {
            String text = result.toString();
            throw new EventsClient.IncorrectResult("raw _bulk answered " + answer.statusCode() + ": "
                    + text.substring(0, Math.min(text.length(), 800)));
        }
        return result.path("items").size();
    }

    /** The ids among {@code ids} that a real-time multi-get finds in {@code index} (no refresh needed). */
    Set<String> found(String index, Collection<String> ids) throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode();
        ArrayNode list = request.putArray("ids");
        ids.forEach(list::add);
        JsonNode answer = call("POST", "/" + index + "/_mget?_source=false", JSON.writeValueAsString(request));
        Set<String> found = new HashSet<>();
        for (JsonNode doc : answer.path("docs")) {
            if (doc.path("found").asBoolean(false)) {
                found.add(doc.path("_id").asText());
            }
        }
        return found;
    }
}
