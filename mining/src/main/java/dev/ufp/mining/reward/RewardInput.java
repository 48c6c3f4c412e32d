package dev.ufp.mining.reward;

import dev.ufp.mining.candidates.CandidateResponse;
import dev.ufp.mining.dataset.Turn;

import java.util.ArrayList;
import java.util.List;

/** What the reward model scores: a prompt, the conversation before it (optional) and a response. */
public record RewardInput(String prompt, List<Turn> context, String response) {

    public RewardInput {
        prompt = prompt == null ? "" : prompt;
        context = context == null ? List.of() : List.copyOf(context);
        response = response == null ? "" : response;
    }

    public static RewardInput of(CandidateResponse candidate) {
        return new RewardInput(candidate.prompt(), candidate.context(), candidate.text());
    }

    /** The prompt side's text: the last {@code userTurns} earlier user turns and the prompt, one per line. */
    String promptWithContext(int userTurns) {
        List<String> users = new ArrayList<>();
        for (Turn turn : context) {
            if ("user".equals(turn.role()) && turn.content() != null && !turn.content().isBlank()) {
                users.add(turn.content());
            }
        }
        List<String> parts = new ArrayList<>(users.subList(Math.max(0, users.size() - userTurns), users.size()));
        parts.add(prompt);
        return String.join("\n", parts);
    }
}
