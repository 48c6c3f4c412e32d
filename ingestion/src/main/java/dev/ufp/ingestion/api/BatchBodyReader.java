package dev.ufp.ingestion.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.ingestion.problem.ApiProblem;
import dev.ufp.ingestion.problem.FieldViolation;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads a batch body within the configured byte and event limits; nothing is stored for a bad body. */
@Component
class BatchBodyReader {

    private final ObjectMapper objectMapper;

    BatchBodyReader(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    List<JsonNode> read(InputStream body, long declaredLength, long maxBytes, int maxEvents) throws IOException {
        if (declaredLength > maxBytes) {
            throw tooManyBytes(declaredLength, maxBytes);
        }
        byte[] bytes = readAtMost(body, maxBytes);
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

    private static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > maxBytes) {
                throw tooManyBytes(total, maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static ApiProblem tooManyBytes(long size, long maxBytes) {
        return ApiProblem.tooLarge("the body exceeds " + maxBytes + " bytes",
                new FieldViolation("body", size > maxBytes ? "more than " + maxBytes + " bytes" : size,
                        "at most " + maxBytes + " bytes", "split the batch"));
    }
}
