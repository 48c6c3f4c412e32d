package dev.ufp.itsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** One platform process's worth of Spring context on a random port, talked to over real HTTP. */
public final class PlatformNode implements AutoCloseable {

    public static final String ADMIN_KEY = "it-admin-key";

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;

    private PlatformNode(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public static PlatformNode start(PostgresDatabase database, Class<?>... sources) {
        return start(database, List.of(), sources);
    }

    public static PlatformNode start(PostgresDatabase database, List<String> extraArgs, Class<?>... sources) {
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.user(),
                "--feedback.admin-key=" + ADMIN_KEY));
        args.addAll(extraArgs);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(sources)
                .profiles("postgres")
                .run(args.toArray(String[]::new));
        return new PlatformNode(context);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public String issueKey(String tenant, String... roles) throws IOException, InterruptedException {
        String body = json.writeValueAsString(Map.of("tenant", tenant, "roles", List.of(roles)));
        return send("POST", "/v1/admin/keys", ADMIN_KEY, body).body().get("key").asText();
    }

    public Response postEvents(String key, List<String> events) throws IOException, InterruptedException {
        return send("POST", "/v1/events", key, "{\"events\":[" + String.join(",", events) + "]}");
    }

    /** A GET with the bootstrap admin key, e.g. of an actuator endpoint (which needs it, or an operator key). */
    public Response get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + ADMIN_KEY).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body().isEmpty() ? null : json.readTree(response.body()));
    }

    public Response history(String key, String conversationId) throws IOException, InterruptedException {
        return send("GET", "/v1/conversations/" + conversationId + "/events", key, null);
    }

    public record Response(int status, JsonNode body) {
    }

    private Response send(String method, String path, String key, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode parsed = response.body().isEmpty() ? null : json.readTree(response.body());
        return new Response(response.statusCode(), parsed);
    }

    @Override
    public void close() {
        context.close();
    }
}
