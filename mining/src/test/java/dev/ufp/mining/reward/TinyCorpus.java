package dev.ufp.mining.reward;

import dev.ufp.mining.candidates.CandidateResponse;
import dev.ufp.mining.dataset.PairSide;
import dev.ufp.mining.dataset.PreferencePair;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tiny corpus for the real MiniLM: helpful answers are loved (and chosen), curt refusals are not (and
 * rejected); about 40% of prompts get a helpful answer.
 */
final class TinyCorpus {

    private static final String[] TOPICS = {"bake sourdough bread", "change a bike tyre", "learn Spanish verbs",
            "set up a Python virtual environment", "plant tomatoes", "write a cover letter", "fix a leaking tap",
            "train for a 10k run", "make cold brew coffee", "back up my phone", "read a nutrition label",
            "start a vegetable garden", "tie a bowline knot", "clean a cast iron pan", "file my taxes",
            "negotiate a salary", "learn to juggle", "paint a room", "choose a laptop", "care for a succulent",
            "brew green tea", "sharpen a kitchen knife", "study for an exam", "reduce my screen time",
            "make a budget", "fold a fitted sheet", "jump start a car", "write a haiku", "plan a road trip",
            "meditate"};
    private static final String[] REFUSALS = {"No.", "I don't know.", "Can't help with that.", "Look it up.",
            "Not sure, sorry.", "Whatever."};

    private TinyCorpus() {
    }

    static String prompt(int i) {
        return "How do I " + TOPICS[i % TOPICS.length] + (i >= TOPICS.length ? " quickly?" : "?");
    }

    static String helpful(int i) {
        String topic = TOPICS[i % TOPICS.length];
        return "Great question! Here is a clear step-by-step guide to " + topic + ": first gather what you need, "
                + "then follow the steps carefully, and finally check the result. Happy to explain any step in detail.";
    }

    static String curt(int i) {
        return REFUSALS[i % REFUSALS.length];
    }

    static List<CandidateResponse> responses(int prompts) {
        List<CandidateResponse> out = new ArrayList<>();
        for (int i = 0; i < prompts; i++) {
            out.add(candidate(i, "a", helpful(i), true));
            out.add(candidate(i, "b", curt(i), false));
            out.add(candidate(i, "c", curt(i + 1), false));
        }
        return out;
    }

    static List<PreferencePair> pairs(String tenant, int prompts) {
        List<PreferencePair> out = new ArrayList<>();
        for (int i = 0; i < prompts; i++) {
            out.add(new PreferencePair("p" + i, tenant, prompt(i), List.of(),
                    new PairSide("c" + i, "a", helpful(i), "m", "1", null, 1.0, 1),
                    new PairSide("c" + i, "b", curt(i), "m", "1", null, -0.7, 1), 1.7, 0.9, "sibling", "train",
                    Instant.parse("2026-11-01T00:00:00Z"), List.of("e" + i)));
        }
        return out;
    }

    private static CandidateResponse candidate(int i, String suffix, String text, boolean loved) {
        return new CandidateResponse("t", "c" + i, "r" + i + suffix, "turn" + i, "u", prompt(i), List.of(), text, "m",
                "1", null, null, Instant.EPOCH, Instant.EPOCH, loved ? 1 : -0.2, 1, loved,
                loved ? Map.of("love", 1) : Map.of(), Set.of("u"), List.of("e" + i), Map.of(), 0);
    }
}
