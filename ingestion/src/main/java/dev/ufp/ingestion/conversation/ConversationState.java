package dev.ufp.ingestion.conversation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.ufp.ingestion.contract.ConversationClosed;
import dev.ufp.ingestion.contract.ConversationStarted;
import dev.ufp.ingestion.contract.FeedbackEvent;
import dev.ufp.ingestion.contract.PromptSubmitted;
import dev.ufp.ingestion.contract.Reaction;
import dev.ufp.ingestion.contract.ReactionAdded;
import dev.ufp.ingestion.contract.ReactionRemoved;
import dev.ufp.ingestion.contract.ResponseGenerated;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What the invariants need to remember about a conversation; snapshotted with the aggregate. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class ConversationState {
    private boolean started;
    private boolean closed;
    private final Set<String> eventIds = new HashSet<>();
    private final Set<String> turns = new HashSet<>();
    private final Map<String, Integer> responseLengths = new HashMap<>();
    private final Set<String> liveReactions = new HashSet<>();

    /** An independent copy, to decide a whole command's events before Axon applies them. */
    ConversationState copy() {
        ConversationState copy = new ConversationState();
        copy.started = started;
        copy.closed = closed;
        copy.eventIds.addAll(eventIds);
        copy.turns.addAll(turns);
        copy.responseLengths.putAll(responseLengths);
        copy.liveReactions.addAll(liveReactions);
        return copy;
    }

    void apply(FeedbackEvent event) {
        eventIds.add(event.eventId());
        if (event instanceof ConversationStarted) {
            started = true;
        } else if (event instanceof ConversationClosed) {
            closed = true;
        } else if (event instanceof PromptSubmitted prompt) {
            turns.add(prompt.turnId());
        } else if (event instanceof ResponseGenerated response) {
            responseLengths.put(response.responseId(), response.text().length());
        } else if (event instanceof ReactionAdded added) {
            liveReactions.add(reactionKey(added.responseId(), added.userId(), added.reaction()));
        } else if (event instanceof ReactionRemoved removed) {
            liveReactions.remove(reactionKey(removed.responseId(), removed.userId(), removed.reaction()));
        }
    }

    boolean started() {
        return started;
    }

    boolean closed() {
        return closed;
    }

    boolean seen(String eventId) {
        return eventIds.contains(eventId);
    }

    boolean hasTurn(String turnId) {
        return turns.contains(turnId);
    }

    boolean hasResponse(String responseId) {
        return responseLengths.containsKey(responseId);
    }

    int responseLength(String responseId) {
        return responseLengths.get(responseId);
    }

    boolean reactionLive(String responseId, String userId, Reaction reaction) {
        return liveReactions.contains(reactionKey(responseId, userId, reaction));
    }

    private static String reactionKey(String responseId, String userId, Reaction reaction) {
        return responseId + '\u0000' + userId + '\u0000' + reaction;
    }
}
