package dev.ufp.mining.pairs;

import dev.ufp.mining.dataset.Turn;

import java.util.List;

/**
 * Responses are comparable when they answer the same prompt in the same context: the key hashes the normalised
 * prompt and every earlier turn. Two first turns with the same prompt text share a key across conversations.
 */
public final class PromptKey {

    private PromptKey() {
    }

    public static String of(String tenant, String prompt, List<Turn> context) {
        StringBuilder text = new StringBuilder();
        for (Turn turn : context) {
            text.append(turn.role()).append('\u0001').append(Hashes.normalise(turn.content())).append('\u0002');
        }
        return Hashes.hex(12, tenant, text.toString(), Hashes.normalise(prompt));
    }
}
