package dev.ufp.bridge.format;

import dev.ufp.mining.dataset.PairSide;
import dev.ufp.mining.dataset.PreferencePair;
import dev.ufp.mining.dataset.Turn;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The platform's own pair record with its full provenance: ids, prompt, context turns, both sides (conversation,
 * response id, text, model, version, variant, score, evidence), margin, strength, origin, split, prompt time and
 * the source event ids — for audits and for tools that want more than a trainer's columns.
 */
record NativeLayout() implements PairLayout {

    @Override
    public void fields(JsonGenerator g, PreferencePair pair) throws IOException {
        g.writeStringField("pairId", pair.pairId());
        g.writeStringField("tenant", pair.tenant());
        g.writeStringField("prompt", pair.prompt());
        g.writeArrayFieldStart("context");
        for (Turn turn : pair.context()) {
            g.writeStartObject();
            g.writeStringField("role", turn.role());
            g.writeStringField("content", turn.content());
            g.writeEndObject();
        }
        g.writeEndArray();
        side(g, "chosen", pair.chosen());
        side(g, "rejected", pair.rejected());
        g.writeNumberField("margin", pair.margin());
        g.writeNumberField("strength", pair.strength());
        g.writeStringField("origin", pair.origin());
        g.writeStringField("split", pair.split());
        if (pair.promptAt() != null) {
            g.writeStringField("promptAt", pair.promptAt().toString());
        }
        g.writeArrayFieldStart("sourceEventIds");
        for (String id : pair.sourceEventIds()) {
            g.writeString(id);
        }
        g.writeEndArray();
    }

    private static void side(JsonGenerator g, String name, PairSide side) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("conversationId", side.conversationId());
        g.writeStringField("responseId", side.responseId());
        g.writeStringField("text", side.text());
        g.writeStringField("model", side.model());
        if (side.modelVersion() != null) {
            g.writeStringField("modelVersion", side.modelVersion());
        }
        if (side.variant() != null) {
            g.writeStringField("variant", side.variant());
        }
        g.writeNumberField("score", side.score());
        g.writeNumberField("evidence", side.evidence());
        g.writeEndObject();
    }
}
