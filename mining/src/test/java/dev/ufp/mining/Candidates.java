package dev.ufp.mining;

import dev.ufp.mining.candidates.CandidateResponse;
import dev.ufp.mining.dataset.Turn;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Candidate responses for unit tests: one user per conversation, one source event per unit of evidence. */
public final class Candidates {

    private Candidates() {
    }

    public static CandidateResponse of(String conversation, String response, String prompt, String text,
                                       double score, int evidence) {
        return of(conversation, response, prompt, List.of(), text, score, evidence, null);
    }

    public static CandidateResponse of(String conversation, String response, String prompt, List<Turn> context,
                                       String text, double score, int evidence, String regenerates) {
        List<String> sources = java.util.stream.IntStream.range(0, evidence)
                .mapToObj(i -> conversation + "-" + response + "-e" + i).toList();
        return new CandidateResponse("t1", conversation, response, "turn-1", "user-" + conversation, prompt, context,
                text, "m-" + response, "1", "A", regenerates, Instant.parse("2026-11-01T10:00:00Z"),
                Instant.parse("2026-11-01T10:00:01Z"), score, evidence, score >= 1, Map.of(),
                Set.of("user-" + conversation), sources, Map.of("reactions", "v1"), 0);
    }
}
