package dev.ufp.bridge.format;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ufp.mining.dataset.PreferencePair;

import java.io.IOException;

/** RLHFlow: {@code prompt}, {@code responses} [chosen, rejected] and their signal scores as {@code rewards}. */
record RlhflowLayout() implements PairLayout {

    @Override
    public void fields(JsonGenerator g, PreferencePair pair) throws IOException {
        g.writeStringField("prompt", Rendering.plainPrompt(pair.context(), pair.prompt()));
        g.writeArrayFieldStart("responses");
        g.writeString(pair.chosen().text());
        g.writeString(pair.rejected().text());
        g.writeEndArray();
        g.writeArrayFieldStart("rewards");
        g.writeNumber(pair.chosen().score());
        g.writeNumber(pair.rejected().score());
        g.writeEndArray();
    }
}
