package dev.ufp.bridge.format;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ufp.mining.dataset.PreferencePair;

import java.io.IOException;

/** Writes the fields of one preference pair's row (inside an open JSON object). */
public interface PairLayout {

    void fields(JsonGenerator g, PreferencePair pair) throws IOException;

    /** The layout of a pairwise format; fails for KTO, which is unpaired. */
    static PairLayout of(FormatOptions options) {
        return switch (options.format()) {
            case TRL -> new PreferenceLayout(FormatOptions.PROMPT, FormatOptions.CHOSEN, FormatOptions.REJECTED, false);
            case TRL_CONVERSATIONAL ->
                    new PreferenceLayout(FormatOptions.PROMPT, FormatOptions.CHOSEN, FormatOptions.REJECTED, true);
            case OPENRLHF -> new PreferenceLayout(options.promptKey(), options.chosenKey(), options.rejectedKey(),
                    options.messages());
            case RLHFLOW -> new RlhflowLayout();
            case NATIVE -> new NativeLayout();
            case KTO -> throw new IllegalArgumentException("KTO is unpaired: use UnpairedLayout");
        };
    }
}
