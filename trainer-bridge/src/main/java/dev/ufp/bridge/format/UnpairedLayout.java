package dev.ufp.bridge.format;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ufp.mining.dataset.PreferencePair;
import dev.ufp.mining.dataset.Turn;
import dev.ufp.mining.dataset.UnpairedLabel;

import java.io.IOException;
import java.util.List;

/**
 * TRL's unpaired preference (KTO) row: {@code prompt}, {@code completion}, {@code label} (bool); plain text, or
 * message lists with {@code messages=true}. A pair gives two rows: chosen → true, rejected → false.
 */
public record UnpairedLayout(boolean messages) {

    public void label(JsonGenerator g, UnpairedLabel label) throws IOException {
        fields(g, label.context(), label.prompt(), label.completion().text(), label.label());
    }

    public void pairSide(JsonGenerator g, PreferencePair pair, boolean chosen) throws IOException {
        fields(g, pair.context(), pair.prompt(), (chosen ? pair.chosen() : pair.rejected()).text(), chosen);
    }

    private void fields(JsonGenerator g, List<Turn> context, String prompt, String completion, boolean label)
            throws IOException {
        if (messages) {
            g.writeFieldName("prompt");
            Rendering.promptMessages(g, context, prompt);
            g.writeFieldName("completion");
            Rendering.completionMessages(g, completion);
        } else {
            g.writeStringField("prompt", Rendering.plainPrompt(context, prompt));
            g.writeStringField("completion", completion);
        }
        g.writeBooleanField("label", label);
    }
}
