package dev.ufp.bridge.format;

/**
 * How rows are laid out.
 *
 * @param format      the layout
 * @param meta        add {@code pair_id}/{@code label_id}, {@code strength} and {@code _cursor} to every row
 * @param ktoSource   KTO only: which rows become unpaired examples
 * @param promptKey   OpenRLHF only ({@code --prompt_key})
 * @param chosenKey   OpenRLHF only ({@code --chosen_key})
 * @param rejectedKey OpenRLHF only ({@code --rejected_key})
 * @param messages    KTO and OpenRLHF: prompts and completions as {@code {role, content}} lists
 *                    ({@code apply_chat_template} style) instead of plain text
 */
public record FormatOptions(Format format, boolean meta, KtoSource ktoSource, String promptKey, String chosenKey,
                            String rejectedKey, boolean messages) {

    public static final String PROMPT = "prompt";
    public static final String CHOSEN = "chosen";
    public static final String REJECTED = "rejected";

    public static FormatOptions of(Format format) {
        return new FormatOptions(format, false, KtoSource.LABELS, PROMPT, CHOSEN, REJECTED, false);
    }

    public FormatOptions withFormat(Format other) {
        return new FormatOptions(other, meta, ktoSource, promptKey, chosenKey, rejectedKey, messages);
    }
}
