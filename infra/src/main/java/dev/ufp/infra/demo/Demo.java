package dev.ufp.infra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The platform's main job for now: post sample conversations through the HTTP API of a running platform
 * (as a product backend would), then show what was stored. Usage: {@code Demo <baseUrl> <adminKey> [conversations]}.
 */
public final class Demo {

    private static final int BATCH = 500;

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String adminKey = args[1];
        int conversations = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        PlatformClient client = new PlatformClient(baseUrl);
        String tenant = "demo";
        String key = client.issueKey(adminKey, tenant, List.of("ingest", "analyst"));
        System.out.printf("Issued an ingest+analyst key for tenant '%s'.%n", tenant);

        SampleConversations samples = new SampleConversations(42, Instant.parse("2026-11-01T09:00:00Z"));
        List<ObjectNode> events = new ArrayList<>();
        for (int n = 0; n < conversations; n++) {
            events.addAll(samples.conversation(n));
        }
        Map<String, Integer> byType = new TreeMap<>();
        events.forEach(e -> byType.merge(e.get("type").asText(), 1, Integer::sum));

        Map<String, Long> totals = new TreeMap<>();
        long started = System.nanoTime();
        for (int from = 0; from < events.size(); from += BATCH) {
            JsonNode result = client.postEvents(key, events.subList(from, Math.min(events.size(), from + BATCH)));
            for (String status : List.of("accepted", "duplicate", "rejected")) {
                totals.merge(status, result.get(status).asLong(), Long::sum);
            }
            System.out.printf("\r  posted %,d / %,d events", Math.min(events.size(), from + BATCH), events.size());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%n%nPosted %,d events of %,d conversations in %.1f s (%,.0f events/s):%n",
                events.size(), conversations, seconds, events.size() / seconds);
        byType.forEach((type, count) -> System.out.printf("  %-22s %,7d%n", type, count));
        System.out.printf("Results: %s%n", totals);

        JsonNode resent = client.postEvents(key, events.subList(0, Math.min(events.size(), 20)));
        System.out.printf("Re-sending the first 20 events: %d duplicate, %d accepted (idempotent).%n",
                resent.get("duplicate").asLong(), resent.get("accepted").asLong());
        ObjectNode heart = new ObjectMapper().createObjectNode().put("eventId", "demo-bad")
                .put("type", "ReactionAdded").put("conversationId", "demo-0").put("occurredAt", Instant.now().toString())
                .put("responseId", "r0").put("userId", "user-0").put("reaction", "HEART");
        JsonNode bad = client.postEvents(key, List.of(heart));
        System.out.printf("A reaction with an unknown kind is rejected, saying what to fix:%n%s%n",
                client.pretty(bad.get("results").get(0)));

        long responses = byType.getOrDefault("ResponseGenerated", 0);
        System.out.printf("%nWaiting for the Elasticsearch projections to show all %,d responses…%n", responses);
        long deadline = System.nanoTime() + 180_000_000_000L;
        long projected = 0;
        while (projected < responses && System.nanoTime() < deadline) {
            projected = 0;
            for (JsonNode row : client.get(key, "/v1/analytics/love-rate?groupBy=model").get("rows")) {
                projected += row.get("responses").asLong();
            }
            System.out.printf("\r  projected %,d / %,d responses", projected, responses);
            Thread.sleep(1000);
        }
        System.out.printf("%n%nLove rate by variant (95%% Wilson interval):%n");
        for (JsonNode row : client.get(key, "/v1/analytics/love-rate?groupBy=variant").get("rows")) {
            System.out.printf("  variant %-3s responses %,6d  loved %,5d  rate %.3f  [%.3f, %.3f]%n",
                    row.get("group").asText(), row.get("responses").asLong(), row.get("loved").asLong(),
                    row.get("loveRate").asDouble(), row.get("ciLow").asDouble(), row.get("ciHigh").asDouble());
        }
        System.out.printf("Signals by kind:%n");
        for (JsonNode row : client.get(key, "/v1/analytics/signal-mix").get("rows")) {
            System.out.printf("  %-16s %,6d  (+%d / -%d)  mean %.2f%n", row.get("kind").asText(),
                    row.get("signals").asLong(), row.get("positive").asLong(), row.get("negative").asLong(),
                    row.get("meanValue").asDouble());
        }

        JsonNode history = client.history(key, "demo-0");
        System.out.printf("%nStored history of conversation demo-0 (%d events, user ids pseudonymised):%n",
                history.get("events").size());
        for (JsonNode stored : history.get("events")) {
            JsonNode event = stored.get("event");
            System.out.printf("  #%d %-20s %s%n", stored.get("sequence").asLong(), event.get("type").asText(),
                    summary(event));
        }
    }

    private static String summary(JsonNode event) {
        for (String field : List.of("text", "reaction", "userId", "reason")) {
            if (event.hasNonNull(field)) {
                String value = event.get(field).asText();
                return field + "=" + (value.length() > 60 ? value.substring(0, 60) + "…" : value);
            }
        }
        return "";
    }
}
