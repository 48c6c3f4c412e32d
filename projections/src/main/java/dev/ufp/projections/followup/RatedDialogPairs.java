package dev.ufp.projections.followup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads ConvAI2 "wild" evaluation dialogs ({@code data_intermediate.json}) into rated follow-ups: a bot turn with
 * the user's 0/1 {@code evaluation_score}, the human turn before it (the previous prompt, null at the start) and
 * the next human turn after it (the follow-up). Rated bot turns without a later human turn are skipped.
 */
final class RatedDialogPairs {

    /** @param dialog index of the dialog in the file; pairs of one dialog share a user */
    record RatedFollowUp(int dialog, boolean liked, String previousPrompt, String response, String followUp) {
    }

    private RatedDialogPairs() {
    }

    static List<RatedFollowUp> load(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<RatedFollowUp> out = new ArrayList<>();
        for (int d = 0; d < root.size(); d++) {
            JsonNode turns = root.get(d).path("dialog");
            for (int t = 0; t < turns.size(); t++) {
                JsonNode turn = turns.get(t);
                JsonNode rating = turn.path("evaluation_score");
                if (!"Bot".equals(turn.path("sender_class").asText()) || !rating.isNumber()) {
                    continue;
                }
                String followUp = humanText(turns, t + 1, +1);
                if (followUp != null) {
                    out.add(new RatedFollowUp(d, rating.asInt() == 1, humanText(turns, t - 1, -1),
                            turn.path("text").asText(), followUp));
                }
            }
        }
        return out;
    }

    private static String humanText(JsonNode turns, int from, int step) {
        for (int i = from; i >= 0 && i < turns.size(); i += step) {
            if ("Human".equals(turns.get(i).path("sender_class").asText())) {
                return turns.get(i).path("text").asText();
            }
        }
        return null;
    }
}
