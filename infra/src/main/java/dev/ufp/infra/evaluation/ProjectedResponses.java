package dev.ufp.infra.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ufp.infra.simulator.GroundTruth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * One tenant's projected response documents, read from Elasticsearch (alias {@code feedback-responses}) page by
 * page with {@code search_after}: what the platform stored and derived, not what the file said.
 */
public final class ProjectedResponses {

    private static final int PAGE = 1000;

    private final Map<GroundTruth.ResponseRef, JsonNode> documents;

    private ProjectedResponses(Map<GroundTruth.ResponseRef, JsonNode> documents) {
        this.documents = documents;
    }

    public static ProjectedResponses fetch(String esUrl, String alias, String tenant)
            throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newHttpClient();
        Map<GroundTruth.ResponseRef, JsonNode> documents = new HashMap<>();
        JsonNode after = null;
        while (true) {
            ObjectNode query = json.createObjectNode().put("size", PAGE);
            query.putObject("query").putObject("term").put("tenant", tenant);
            query.putArray("_source").add("conversationId").add("responseId").add("reactionCounts").add("followUp");
            ArrayNode sort = query.putArray("sort");
            sort.addObject().put("conversationId", "asc");
            sort.addObject().put("responseId", "asc");
            if (after != null) {
                query.set("search_after", after);
            }
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(esUrl + "/" + alias + "/_search"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(query))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException("Elasticsearch answered " + answer.statusCode() + ": " + answer.body());
            }
            JsonNode hits = json.readTree(answer.body()).path("hits").path("hits");
            for (JsonNode hit : hits) {
                JsonNode source = hit.get("_source");
                documents.put(new GroundTruth.ResponseRef(source.path("conversationId").asText(),
                        source.path("responseId").asText()), source);
            }
            if (hits.size() < PAGE) {
                return new ProjectedResponses(documents);
            }
            after = hits.get(hits.size() - 1).get("sort");
        }
    }

    public int size() {
        return documents.size();
    }

    /** Thumbs up minus thumbs down (live reactions), or null if the response is not projected. */
    public Integer netThumbs(GroundTruth.ResponseRef ref) {
        JsonNode doc = documents.get(ref);
        if (doc == null) {
            return null;
        }
        JsonNode counts = doc.path("reactionCounts");
        return counts.path("thumbs_up").asInt(0) - counts.path("thumbs_down").asInt(0);
    }

    /** The follow-up's polarity; NaN when the response has no follow-up; null if the response is not projected. */
    public Double followUpPolarity(GroundTruth.ResponseRef ref) {
        JsonNode doc = documents.get(ref);
        if (doc == null) {
            return null;
        }
        JsonNode polarity = doc.path("followUp").path("polarity");
        return polarity.isNumber() ? polarity.asDouble() : Double.NaN;
    }
}
