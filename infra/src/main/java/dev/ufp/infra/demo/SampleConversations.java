package dev.ufp.infra.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small, seeded set of realistic chat conversations: prompts, responses from two model variants,
 * regenerations, emoji reactions (and a change of mind), follow-ups, copies, a span correction, closes.
 */
final class SampleConversations {

    private static final String[][] EXCHANGES = {
            {"How do I reverse a list in Python?", "Use xs[::-1] for a reversed copy, or xs.reverse() in place."},
            {"What's the capital of Australia?", "Canberra. Sydney is the largest city, but not the capital."},
            {"Write a haiku about autumn.", "Crisp leaves drift and fall / the maple burns red and gold / "
                    + "the year exhales slow"},
            {"Explain recursion briefly.", "A function that calls itself on a smaller input until a base case stops it."},
            {"How many ounces are in a pound?", "There are 16 ounces in a pound."},
            {"Suggest a name for a grey cat.", "How about Pebble, Ash, or Earl Grey?"},
    };
    private static final String[] POSITIVE = {"Thanks, that's exactly what I needed!", "Perfect, that worked."};
    private static final String[] NEGATIVE = {"That's not what I asked.", "No, that's wrong."};
    private static final String[] NEUTRAL = {"And what about tuples?", "Ok. Another question then."};

    private final ObjectMapper json = new ObjectMapper();
    private final Random random;
    private final Instant start;

    SampleConversations(long seed, Instant start) {
        this.random = new Random(seed);
        this.start = start;
    }

    /** Every event of one conversation, in the order a backend would send them. */
    List<ObjectNode> conversation(int n) {
        String id = "demo-" + n;
        String user = "user-" + (n % 37);
        List<ObjectNode> events = new ArrayList<>();
        Clock clock = new Clock(start.plusSeconds(n * 600L));
        events.add(event(id, "start", "ConversationStarted", clock.next())
                .put("userId", user).put("app", "chat-web").put("locale", "en")
                .set("attributes", json.createObjectNode().put("cohort", n % 3 == 0 ? "beta" : "stable")));
        String previousResponse = null;
        int turns = 1 + random.nextInt(3);
        for (int t = 0; t < turns; t++) {
            String[] exchange = EXCHANGES[random.nextInt(EXCHANGES.length)];
            String text = previousResponse == null ? exchange[0] : followUp() + " " + exchange[0];
            ObjectNode prompt = event(id, "p" + t, "PromptSubmitted", clock.next())
                    .put("turnId", "t" + t).put("text", text);
            if (previousResponse != null) {
                prompt.put("followsResponseId", previousResponse);
            }
            events.add(prompt);
            String responseId = "r" + t;
            String variant = random.nextBoolean() ? "A" : "B";
            events.add(response(id, responseId, "t" + t, exchange[1], variant, null, clock.next()));
            if (random.nextInt(5) == 0) {
                events.add(event(id, "regen" + t, "RegenerateRequested", clock.next())
                        .put("responseId", responseId).put("userId", user));
                responseId = "r" + t + "b";
                events.add(response(id, responseId, "t" + t, exchange[1] + " Hope that helps!",
                        variant.equals("A") ? "B" : "A", "r" + t, clock.next()));
            }
            react(events, id, responseId, user, clock);
            previousResponse = responseId;
        }
        if (random.nextInt(4) == 0) {
            events.add(event(id, "close", "ConversationClosed", clock.next()).put("reason", "user-left"));
        }
        return events;
    }

    private void react(List<ObjectNode> events, String id, String responseId, String user, Clock clock) {
        int roll = random.nextInt(10);
        if (roll < 3) {
            events.add(reaction(id, "love-" + responseId, "ReactionAdded", responseId, user, "LOVE", clock));
        } else if (roll == 3) {
            events.add(reaction(id, "down-" + responseId, "ReactionAdded", responseId, user, "THUMBS_DOWN", clock));
            events.add(reaction(id, "undown-" + responseId, "ReactionRemoved", responseId, user, "THUMBS_DOWN", clock));
            events.add(reaction(id, "up-" + responseId, "ReactionAdded", responseId, user, "THUMBS_UP", clock));
        } else if (roll == 4) {
            events.add(event(id, "copy-" + responseId, "ResponseCopied", clock.next())
                    .put("responseId", responseId).put("userId", user));
        } else if (roll == 5) {
            events.add(event(id, "fix-" + responseId, "SpanCorrected", clock.next())
                    .put("responseId", responseId).put("userId", user).put("start", 0).put("end", 3)
                    .put("correction", "Try"));
        }
    }

    private String followUp() {
        String[][] families = {POSITIVE, NEGATIVE, NEUTRAL};
        String[] family = families[random.nextInt(families.length)];
        return family[random.nextInt(family.length)];
    }

    private ObjectNode response(String id, String responseId, String turnId, String text, String variant,
                                String regenerates, Instant at) {
        ObjectNode response = event(id, "resp-" + responseId, "ResponseGenerated", at)
                .put("responseId", responseId).put("turnId", turnId).put("text", text)
                .put("model", "assistant").put("modelVersion", "2026-11").put("variant", variant)
                .put("latencyMs", 300 + random.nextInt(900)).put("promptTokens", 20 + random.nextInt(40))
                .put("completionTokens", 10 + random.nextInt(60));
        if (regenerates != null) {
            response.put("regenerates", regenerates);
        }
        return response;
    }

    private ObjectNode reaction(String id, String suffix, String type, String responseId, String user,
                                String kind, Clock clock) {
        return event(id, suffix, type, clock.next())
                .put("responseId", responseId).put("userId", user).put("reaction", kind);
    }

    private ObjectNode event(String conversationId, String suffix, String type, Instant at) {
        return json.createObjectNode()
                .put("eventId", conversationId + "-" + suffix)
                .put("type", type)
                .put("conversationId", conversationId)
                .put("occurredAt", at.toString());
    }

    private static final class Clock {
        private Instant now;

        Clock(Instant start) {
            now = start;
        }

        Instant next() {
            now = now.plusSeconds(7);
            return now;
        }
    }
}
