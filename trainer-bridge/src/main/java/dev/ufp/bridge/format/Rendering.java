package dev.ufp.bridge.format;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ufp.mining.dataset.Turn;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Prompts and completions as plain text or as {@code {role, content}} message lists.
 * <p>
 * Plain text (TRL standard, KTO, RLHFlow, OpenRLHF without {@code messages}): a prompt without earlier turns is
 * the prompt text itself; with earlier turns, every turn and then the prompt are rendered as
 * {@code "User: …"}/{@code "Assistant: …"} paragraphs joined by a blank line, so the model sees who said what.
 * Completions are the response texts verbatim. Jobs that want their tokenizer's exact chat template use the
 * conversational layouts instead.
 */
final class Rendering {

    static final String USER = "user";
    static final String ASSISTANT = "assistant";

    private Rendering() {
    }

    static String plainPrompt(List<Turn> context, String prompt) {
        if (context.isEmpty()) {
            return prompt;
        }
        StringBuilder text = new StringBuilder();
        for (Turn turn : context) {
            text.append(label(turn.role())).append(": ").append(turn.content()).append("\n\n");
        }
        return text.append(label(USER)).append(": ").append(prompt).toString();
    }

    /** The earlier turns and then the prompt as a user turn. */
    static void promptMessages(JsonGenerator g, List<Turn> context, String prompt) throws IOException {
        g.writeStartArray();
        for (Turn turn : context) {
            message(g, turn.role(), turn.content());
        }
        message(g, USER, prompt);
        g.writeEndArray();
    }

    /** One assistant turn, as a list. */
    static void completionMessages(JsonGenerator g, String text) throws IOException {
        g.writeStartArray();
        message(g, ASSISTANT, text);
        g.writeEndArray();
    }

    private static void message(JsonGenerator g, String role, String content) throws IOException {
        g.writeStartObject();
        g.writeStringField("role", role);
        g.writeStringField("content", content);
        g.writeEndObject();
    }

    private static String label(String role) {
        return role.isEmpty() ? role : role.substring(0, 1).toUpperCase(Locale.ROOT) + role.substring(1);
    }
}
