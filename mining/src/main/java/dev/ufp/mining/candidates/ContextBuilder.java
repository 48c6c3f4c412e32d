package dev.ufp.mining.candidates;

import dev.ufp.mining.dataset.Turn;
import dev.ufp.projections.model.ConversationDocument;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conversation before a turn, as user/assistant turns: every earlier prompt (by time) followed by the last
 * response given to it — the one the user saw before going on. Responses are the projection's excerpts.
 */
final class ContextBuilder {

    private ContextBuilder() {
    }

    static List<Turn> before(ConversationDocument conversation, String turnId) {
        if (conversation == null || conversation.prompts == null) {
            return List.of();
        }
        ConversationDocument.Prompt current = conversation.prompts.get(turnId);
        if (current == null) {
            return List.of();
        }
        Map<String, String> lastResponse = new LinkedHashMap<>();
        for (ConversationDocument.ResponseRef ref : conversation.responses) {
            lastResponse.put(ref.turnId(), ref.excerpt());
        }
        List<Map.Entry<String, ConversationDocument.Prompt>> earlier = new ArrayList<>();
        for (Map.Entry<String, ConversationDocument.Prompt> entry : conversation.prompts.entrySet()) {
            if (!entry.getKey().equals(turnId) && isBefore(entry.getValue(), entry.getKey(), current, turnId)) {
                earlier.add(entry);
            }
        }
        earlier.sort(Comparator.comparing((Map.Entry<String, ConversationDocument.Prompt> e) -> at(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        List<Turn> turns = new ArrayList<>();
        for (Map.Entry<String, ConversationDocument.Prompt> entry : earlier) {
            turns.add(new Turn("user", entry.getValue().text()));
            String response = lastResponse.get(entry.getKey());
            if (response != null) {
                turns.add(new Turn("assistant", response));
            }
        }
        return turns;
    }

    private static boolean isBefore(ConversationDocument.Prompt prompt, String turnId,
                                    ConversationDocument.Prompt current, String currentTurnId) {
        int byTime = at(prompt).compareTo(at(current));
        return byTime < 0 || (byTime == 0 && turnId.compareTo(currentTurnId) < 0);
    }

    private static Instant at(ConversationDocument.Prompt prompt) {
        return prompt.at() == null ? Instant.EPOCH : prompt.at();
    }
}
