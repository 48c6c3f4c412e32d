package dev.ufp.infra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Talks to {@code POST /v1/events} (and issues the benchmark's API key) with {@link HttpClient}, and checks every
 * answer exactly: HTTP 200, one result per sent event, in order, same eventId, status {@code accepted}.
 */
final class EventsClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] OPEN = "{\"events\":[".getBytes();
    private static final byte[] CLOSE = "]}".getBytes();

    /** An answer that is not exactly "all accepted": the run is incorrect. */
    static final class IncorrectResult extends RuntimeException {
        IncorrectResult(String message) {
            super(message);
        }
    }

    private final HttpClient http;
    private final URI events;
    private final String bearer;
    private final String keyId;

    private EventsClient(HttpClient http, URI events, String key, String keyId) {
        this.http = http;
        this.events = events;
        this.bearer = "Bearer " + key;
        this.keyId = keyId;
    }

    String keyId() {
        return keyId;
    }

    /** The API key itself, for channels that carry it elsewhere (the Kafka {@code feedback-key} header). */
    String key() {
        return bearer.substring("Bearer ".length());
    }

    static EventsClient withNewKey(HttpClient http, PlatformProcess platform, String tenant)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(platform.uri("/v1/admin/keys"))
                .header("Authorization", "Bearer " + platform.adminKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"tenant\":\"" + tenant + "\",\"roles\":[\"ingest\",\"analyst\"]}"))
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("key creation answered " + answer.statusCode() + ": " + answer.body());
        }
        JsonNode issued = JSON.readTree(answer.body());
        return new EventsClient(http, platform.uri("/v1/events"), issued.get("key").asText(),
                issued.get("keyId").asText());
    }

    /** Sends one batch and returns once every result is verified accepted. */
    void send(List<BenchEvent> batch) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = http.send(request(batch), HttpResponse.BodyHandlers.ofByteArray());
        verify(batch, answer);
    }

    /** Sends one batch asynchronously; the future fails with {@link IncorrectResult} unless all accepted. */
    CompletableFuture<Void> sendAsync(List<BenchEvent> batch) {
        return http.sendAsync(request(batch), HttpResponse.BodyHandlers.ofByteArray())
                .thenAccept(answer -> verify(batch, answer));
    }

    /**
     * Sends one batch and returns each event's status ({@code accepted}, {@code duplicate}, or the rejection's
     * {@code error.code}), in order (HTTP 200 or 207); empty when the platform answered 5xx (starting, store unavailable): the batch may be sent again.
     * Connection failures (the platform is down) surface as {@link IOException}.
     */
    Optional<List<String>> statuses(List<BenchEvent> batch) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = http.send(request(batch), HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() >= 500) {
            return Optional.empty();
        }
        JsonNode body = JSON.readTree(answer.body());
        JsonNode results = body.path("results");
        if ((answer.statusCode() != 200 && answer.statusCode() != 207) || results.size() != batch.size()) {
            throw new IncorrectResult("HTTP " + answer.statusCode() + " for " + batch.size() + " events: "
                    + abbreviate(body));
        }
        List<String> statuses = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (!batch.get(i).eventId().equals(results.get(i).path("eventId").asText())) {
                throw new IncorrectResult("item " + i + " answered for another event: " + results.get(i));
            }
            JsonNode result = results.get(i);
            statuses.add(result.path("status").asText().equals("rejected")
                    ? "rejected:" + result.path("error").path("code").asText() : result.path("status").asText());
        }
        return Optional.of(statuses);
    }

    /** The eventIds of a conversation's stored history, in order (repeats included); empty when it has none. */
    List<String> storedEventIds(String conversationId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(events.resolve("/v1/conversations/"
                        + URLEncoder.encode(conversationId, StandardCharsets.UTF_8) + "/events"))
                .header("Authorization", bearer)
                .timeout(Duration.ofMinutes(1))
                .GET()
                .build();
        HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() == 404) {
            return List.of();
        }
        JsonNode body = JSON.readTree(answer.body());
        if (answer.statusCode() != 200) {
            throw new IncorrectResult("history of " + conversationId + " answered HTTP " + answer.statusCode()
                    + ": " + abbreviate(body));
        }
        List<String> ids = new ArrayList<>();
        body.path("events").forEach(stored -> ids.add(stored.path("event").path("eventId").asText()));
        return ids;
    }

    private HttpRequest request(List<BenchEvent> batch) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(batch.size() * 700 + 16);
        body.writeBytes(OPEN);
        for (int i = 0; i < batch.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(batch.get(i).json());
        }
        body.writeBytes(CLOSE);
        return HttpRequest.newBuilder(events)
                .header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
    }

    private static void verify(List<BenchEvent> batch, HttpResponse<byte[]> answer) {
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IncorrectResult("HTTP " + answer.statusCode() + " with unreadable body: " + e);
        }
        if (answer.statusCode() != 200) {
            throw new IncorrectResult("HTTP " + answer.statusCode() + ": " + abbreviate(body));
        }
        JsonNode results = body.path("results");
        if (results.size() != batch.size() || body.path("accepted").asLong(-1) != batch.size()) {
            throw new IncorrectResult("sent " + batch.size() + " events, got " + results.size() + " results and "
                    + body.path("accepted") + " accepted: " + abbreviate(body));
        }
        for (int i = 0; i < batch.size(); i++) {
            JsonNode result = results.get(i);
            if (!batch.get(i).eventId().equals(result.path("eventId").asText())
                    || !"accepted".equals(result.path("status").asText())) {
                throw new IncorrectResult("item " + i + " (" + batch.get(i).eventId() + ", "
                        + batch.get(i).type() + ") answered " + result);
            }
        }
    }

    private static String abbreviate(JsonNode body) {
        String text = String.valueOf(body);
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }
}
