package dev.ufp.infra.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The events of one realistic conversation, derived only from (seed, conversation index): a start, then
 * prompt/response turns of 200–400 characters each, some follow-ups, regenerations, reactions and copies;
 * 10–20 events. Every prefix is valid, so a conversation may be cut short without any event being rejected.
 */
final class ConversationScript {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = ("the a model answer question data user report weekly sales table query "
            + "chart explain why because revenue region quarter summary please compare trend growth customer churn "
            + "forecast error pipeline deploy config latency cache index join filter group order limit result "
            + "draft email meeting agenda notes translate french german code function test bug fix refactor").split(" ");
    private static final String[] MODELS = {"gpt-large", "gpt-small", "claude-ish", "local-7b"};
    private static final String[] REACTIONS = {"LOVE", "THUMBS_UP", "THUMBS_DOWN", "LAUGH"};
    private static final Instant BASE = Instant.parse("2026-11-01T00:00:00Z");

    private final String prefix;
    private final long index;
    private final SplittableRandom random;
    private final List<BenchEvent> events = new ArrayList<>(20);
    private Instant clock;

    private ConversationScript(String prefix, long seed, long index) {
        this.prefix = prefix;
        this.index = index;
        this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        this.clock = BASE.plusSeconds(index * 7 % 2_000_000);
    }

    /** The events of conversation {@code index}, in the order a client would send them. */
    static List<BenchEvent> events(String prefix, long seed, long index) {
        ConversationScript script = new ConversationScript(prefix, seed, index);
        script.write(10 + script.random.nextInt(11));
        return script.events;
    }

    private void write(int target) {
        String user = "user-" + (index % 50_000);
        ObjectNode start = event("ConversationStarted").put("userId", user).put("app", "web")
                .put("locale", random.nextBoolean() ? "en-US" : "de-DE");
        start.putObject("attributes").put("cohort", "c" + random.nextInt(8)).put("plan", "pro");
        add(start);
        String lastResponse = null;
        for (int turn = 1; events.size() < target; turn++) {
            String turnId = "t" + turn;
            ObjectNode prompt = event("PromptSubmitted").put("turnId", turnId).put("text", text());
            if (lastResponse != null && random.nextInt(100) < 40) {
                prompt.put("followsResponseId", lastResponse);
            }
            add(prompt);
            String responseId = "r" + turn;
            add(response(responseId, turnId, null));
            if (random.nextInt(100) < 20) {
                add(event("RegenerateRequested").put("responseId", responseId).put("userId", user));
                String regenerated = responseId + "b";
                add(response(regenerated, turnId, responseId));
                responseId = regenerated;
            }
            if (random.nextInt(100) < 45) {
                add(event("ReactionAdded").put("responseId", responseId).put("userId", user)
                        .put("reaction", REACTIONS[random.nextInt(REACTIONS.length)]));
            }
            if (random.nextInt(100) < 20) {
                add(event("ResponseCopied").put("responseId", responseId).put("userId", user));
            }
            lastResponse = responseId;
        }
        while (events.size() > target) {
            events.remove(events.size() - 1);
        }
    }

    private ObjectNode response(String responseId, String turnId, String regenerates) {
        ObjectNode node = event("ResponseGenerated").put("responseId", responseId).put("turnId", turnId)
                .put("text", text()).put("model", MODELS[random.nextInt(MODELS.length)])
                .put("modelVersion", "2026-10").put("variant", random.nextBoolean() ? "A" : "B");
        if (regenerates != null) {
            node.put("regenerates", regenerates);
        }
        return node.put("latencyMs", 200 + random.nextInt(3000)).put("promptTokens", 20 + random.nextInt(200))
                .put("completionTokens", 50 + random.nextInt(400));
    }

    private ObjectNode event(String type) {
        clock = clock.plusMillis(500 + random.nextInt(30_000));
        return JSON.createObjectNode()
                .put("eventId", conversationId() + "-e" + (events.size() + 1))
                .put("type", type)
                .put("conversationId", conversationId())
                .put("occurredAt", clock.toString());
    }

    private String conversationId() {
        return prefix + index;
    }

    private void add(ObjectNode node) {
        try {
            events.add(new BenchEvent(node.get("eventId").asText(), conversationId(), node.get("type").asText(),
                    index, events.size(), JSON.writeValueAsBytes(node)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text() {
        int length = 200 + random.nextInt(201);
        StringBuilder text = new StringBuilder(length + 16);
        while (text.length() < length) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        text.setLength(length);
        return text.toString();
    }
}
