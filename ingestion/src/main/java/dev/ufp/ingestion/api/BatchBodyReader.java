package dev.ufp.ingestion.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.ingestion.problem.ApiProblem;
import dev.ufp.ingestion.problem.FieldViolation;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a batch body within the configured event limit; nothing is stored for a bad body. Its size was limited
 * before ({@code feedback.http.max-body-sizes} for {@code /v1/events}, by default {@code feedback.ingest.max-batch-size}).
 */
@Component
class BatchBodyReader {

    private final ObjectMapper objectMapper;

    BatchBodyReader(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    List<JsonNode> read(InputStream body, int maxEvents) throws IOException {
        byte[] bytes = body.readAllBytes();
        JsonNode root;
        try {
            root = objectMapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String reason = e.getOriginalMessage().replaceAll("\\[Source: [^;]*; ", "[");
            throw ApiProblem.badRequest("malformed-json", "the body is not valid JSON: " + reason,
                    new FieldViolation("", location == null ? null
                            : "line " + location.getLineNr() + ", column " + location.getColumnNr(), null, reason));
        }
        if (root == null || !root.isObject() || !root.has("events") || !root.get("events").isArray()) {
            throw ApiProblem.badRequest("missing-events", "the body must be an object with an array 'events'",
                    new FieldViolation("events", root == null || !root.isObject() ? null
                            : FieldViolation.echo(String.valueOf(root.get("events"))), "a JSON array",
                            "send {\"events\": [ ... ]}"));
        }
        JsonNode events = root.get("events");
        if (events.size() > maxEvents) {
            throw ApiProblem.tooLarge("a batch holds at most " + maxEvents + " events",
                    new FieldViolation("events", events.size(), "at most " + maxEvents + " events",
                            "split the batch"));
        }
        List<JsonNode> items = new ArrayList<>(events.size());
        events.forEach(items::add);
        return items;
    }
}
