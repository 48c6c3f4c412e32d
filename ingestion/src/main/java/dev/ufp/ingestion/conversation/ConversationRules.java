package dev.ufp.ingestion.conversation;

import dev.ufp.ingestion.contract.ConversationStarted;
import dev.ufp.ingestion.contract.FeedbackEvent;
import dev.ufp.ingestion.contract.PromptSubmitted;
import dev.ufp.ingestion.contract.ReactionAdded;
import dev.ufp.ingestion.contract.ReactionRemoved;
import dev.ufp.ingestion.contract.ResponseGenerated;
import dev.ufp.ingestion.contract.ResponseTargeted;
import dev.ufp.ingestion.contract.SpanCorrected;

import java.util.Optional;

/**
 * The per-conversation invariants. An event whose target (conversation, turn, response) has not arrived yet
 * is rejected as <em>retryable</em>: distributed backends may deliver a reaction before its response, and the
 * client (or the Kafka listener) re-sends it later. Nothing is parked server-side, so nothing can rot there.
 */
final class ConversationRules {

    private ConversationRules() {
    }

    /** A re-added live reaction is reported as a duplicate, not stored twice. */
    static boolean isDuplicate(ConversationState state, FeedbackEvent event) {
        if (state.seen(event.eventId())) {
            return true;
        }
        return event instanceof ReactionAdded added
                && state.reactionLive(added.responseId(), added.userId(), added.reaction());
    }

    static Optional<Rejection> check(ConversationState state, FeedbackEvent event) {
        if (event instanceof ConversationStarted) {
            return state.started()
                    ? Optional.of(Rejection.permanent("conversation-already-started", "conversationId",
                    event.conversationId(), "this conversation was already started by another event"))
                    : Optional.empty();
        }
        if (!state.started()) {
            return Optional.of(Rejection.retryable("conversation-not-started", "conversationId",
                    event.conversationId(), "no ConversationStarted event is stored for this conversation yet; "
                            + "send it first or retry this event later"));
        }
        if (event instanceof PromptSubmitted prompt) {
            return checkPrompt(state, prompt);
        }
        if (event instanceof ResponseGenerated response) {
            return checkResponse(state, response);
        }
        if (event instanceof ResponseTargeted targeted) {
            return knownResponse(state, "responseId", targeted.responseId())
                    .or(() -> checkTargeted(state, event));
        }
        return Optional.empty();
    }

    private static Optional<Rejection> checkPrompt(ConversationState state, PromptSubmitted prompt) {
        if (state.closed()) {
            return Optional.of(Rejection.permanent("conversation-closed", "conversationId",
                    prompt.conversationId(), "the conversation is closed; start a new conversation for new turns"));
        }
        if (state.hasTurn(prompt.turnId())) {
            return Optional.of(Rejection.permanent("turn-exists", "turnId", prompt.turnId(),
                    "this turn already has a prompt; each turn has exactly one PromptSubmitted"));
        }
        return prompt.followsResponseId() == null
                ? Optional.empty()
                : knownResponse(state, "followsResponseId", prompt.followsResponseId());
    }

    private static Optional<Rejection> checkResponse(ConversationState state, ResponseGenerated response) {
        if (state.hasResponse(response.responseId())) {
            return Optional.of(Rejection.permanent("response-exists", "responseId", response.responseId(),
                    "a response with this id is already stored in this conversation"));
        }
        if (!state.hasTurn(response.turnId())) {
            return Optional.of(Rejection.retryable("unknown-turn", "turnId", response.turnId(),
                    "no PromptSubmitted with this turnId is stored in this conversation yet"));
        }
        return response.regenerates() == null
                ? Optional.empty()
                : knownResponse(state, "regenerates", response.regenerates());
    }

    private static Optional<Rejection> checkTargeted(ConversationState state, FeedbackEvent event) {
        if (event instanceof ReactionRemoved removed
                && !state.reactionLive(removed.responseId(), removed.userId(), removed.reaction())) {
            return Optional.of(Rejection.permanent("reaction-not-live", "reaction", removed.reaction(),
                    "this user has no live " + removed.reaction() + " reaction on response "
                            + removed.responseId() + " to remove"));
        }
        if (event instanceof SpanCorrected span) {
            int length = state.responseLength(span.responseId());
            if (span.end() > length) {
                return Optional.of(Rejection.permanent("span-out-of-range", "end", span.end(),
                        "end must be at most the response length " + length));
            }
            if (span.start() >= span.end()) {
                return Optional.of(Rejection.permanent("span-empty", "start", span.start(),
                        "start must be less than end (" + span.end() + ")"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Rejection> knownResponse(ConversationState state, String field, String responseId) {
        return state.hasResponse(responseId)
                ? Optional.empty()
                : Optional.of(Rejection.retryable("unknown-response", field, responseId,
                "no response with this id is stored in this conversation yet"));
    }
}
