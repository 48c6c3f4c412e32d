package dev.ufp.projections.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One conversation ({@code feedback-conversations}): who, cohort attributes, turns, duration and outcome.
 * {@code prompts} and {@code responses} are the projection's state (stored, not indexed): the prompt text a
 * response answers, and the earlier responses a hindsight follow-up may refer back to.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConversationDocument {
    public String id;
    public String tenant;
    public String conversationId;
    public String userId;
    public String app;
    public String locale;
    public Map<String, String> attributes = new TreeMap<>();
    public Instant startedAt;
    public Instant lastEventAt;
    public Instant closedAt;
    public String closeReason;
    public long durationSeconds;
    public int turns;
    public int responseCount;
    /** open or closed. */
    public String outcome = "open";
    public Map<String, Prompt> prompts = new TreeMap<>();
    public List<ResponseRef> responses = new ArrayList<>();

    public record Prompt(String eventId, String text, Instant at) {
    }

    public record ResponseRef(String responseId, String turnId, String excerpt) {
    }

    public void touch(Instant at) {
        if (at != null && (lastEventAt == null || at.isAfter(lastEventAt))) {
            lastEventAt = at;
        }
        if (startedAt != null && lastEventAt != null) {
            durationSeconds = Math.max(0, Duration.between(startedAt, lastEventAt).toSeconds());
        }
        turns = prompts.size();
        responseCount = responses.size();
        outcome = closedAt != null ? "closed" : "open";
    }
}
