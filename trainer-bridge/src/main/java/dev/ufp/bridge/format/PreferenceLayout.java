package dev.ufp.bridge.format;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ufp.mining.dataset.PreferencePair;

import java.io.IOException;

/**
 * Prompt / chosen / rejected under the given keys: TRL standard (plain text), TRL conversational (message lists:
 * the context and prompt as turns, each completion one assistant turn) and OpenRLHF (either, keys configurable).
 */
record PreferenceLayout(String promptKey, String chosenKey, String rejectedKey, boolean messages)
        implements PairLayout {

    @Override
    public void fields(JsonGenerator g, PreferencePair pair) throws IOException {
        if (messages) {
            g.writeFieldName(promptKey);
            Rendering.promptMessages(g, pair.context(), pair.prompt());
            g.writeFieldName(chosenKey);
            Rendering.completionMessages(g, pair.chosen().text());
            g.writeFieldName(rejectedKey);
            Rendering.completionMessages(g, pair.rejected().text());
        } else {
            g.writeStringField(promptKey, Rendering.plainPrompt(pair.context(), pair.prompt()));
            g.writeStringField(chosenKey, pair.chosen().text());
            g.writeStringField(rejectedKey, pair.rejected().text());
        }
    }
}
