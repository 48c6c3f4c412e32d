package dev.ufp.infra.simulator;

import java.util.Random;

/**
 * Writes a response text that carries its quality in a learnable way. Each sentence is drawn from a good pool with
 * probability ≈ the model's intended quality (plus noise) and from a bad pool otherwise: good sentences are
 * on-topic, specific and structured and reuse the prompt's own words; bad ones are generic, off-topic, hedging,
 * wrong or refusing. The response's quality is what was written — the share of good sentences, halved by a leading
 * refusal — because users react to the text they read, not to what the model meant to write. The number of
 * sentences depends on the style and on noise, not on the quality, and style markers (greetings, sign-offs, formal
 * phrasing) are independent of quality.
 */
final class ResponseComposer {

    private static final String[] GOOD_OPENERS = {
            "To %s in %s, the key is the %s.",
            "Here is how to %s in %s: work with the %s directly.",
            "You can %s in %s reliably once you understand the %s.",
            "The standard way to %s in %s relies on the %s.",
    };
    private static final String[] GOOD_STEPS = {
            "Start with the %s and check it before anything else.",
            "Use the %s so that the result stays correct.",
            "Apply the %s, then confirm the change worked.",
            "Combine the %s with the %s; this is the step people usually miss.",
            "Check the %s afterwards to verify the outcome.",
            "This works because the %s handles the %s for you.",
            "A common pitfall is forgetting the %s, so double-check it.",
    };
    private static final String[] GENERIC = {
            "There are many ways to approach this.",
            "It really depends on your situation.",
            "Many people have different opinions about this.",
            "This is a common question and the answer varies.",
            "You should consider all the options carefully.",
    };
    private static final String[] HEDGES = {
            "I'm not entirely sure, but it might work.",
            "You could possibly try something different and see.",
            "Maybe look it up somewhere else to be safe.",
            "It may or may not help, hard to say.",
    };
    private static final String[] OFF_TOPIC = {
            "You might want to look into the %1$s in %2$s instead.",
            "Speaking of which, the %1$s matters a lot when you %3$s.",
    };
    private static final String[] WRONG = {
            "You cannot %1$s in %2$s; it is simply not supported.",
            "Just ignore the %3$s, it never matters.",
            "Delete the %3$s first and start over from scratch.",
    };
    private static final String[] REFUSALS = {
            "I can't help with that request.",
            "Sorry, I am unable to answer questions about this.",
    };

    private ResponseComposer() {
    }

    /** A written response and its quality: the share of good sentences, halved by a leading refusal. */
    record Composed(String text, double quality) {
    }

    static Composed compose(PromptPool.Prompt prompt, double quality, Style style, PromptPool pool, Random random) {
        PromptPool.Task task = prompt.task();
        StringBuilder text = new StringBuilder();
        switch (style) {
            case FRIENDLY -> text.append(pick(random, "Happy to help! ", "Great question! ", "Sure thing! "));
            case FORMAL -> text.append(pick(random, "Certainly. ", "Thank you for your question. ", "Of course. "));
            default -> { }
        }
        int sentences = switch (style) {
            case CONCISE -> 1 + random.nextInt(2);
            case DETAILED -> 4 + random.nextInt(4);
            default -> 2 + random.nextInt(3);
        };
        double pGood = clamp(quality + random.nextGaussian() * 0.12);
        boolean refused = quality < 0.15 && random.nextDouble() < 0.5;
        if (refused) {
            text.append(pick(random, REFUSALS)).append(' ');
        }
        int good = 0;
        int step = 1;
        boolean numbered = style == Style.DETAILED || style == Style.FORMAL;
        for (int s = 0; s < sentences; s++) {
            if (random.nextDouble() < pGood) {
                good++;
                if (s == 0) {
                    text.append(String.format(pick(random, GOOD_OPENERS), task.phrase(), task.domain(),
                            term(task, random)));
                } else {
                    int first = random.nextInt(task.terms().length);
                    String sentence = String.format(pick(random, GOOD_STEPS), task.terms()[first],
                            task.terms()[(first + 1 + random.nextInt(task.terms().length - 1)) % task.terms().length]);
                    text.append(numbered ? (step++) + ". " : "").append(sentence);
                }
            } else {
                text.append(bad(task, pool, random));
            }
            text.append(numbered && s > 0 ? "\n" : " ");
        }
        switch (style) {
            case FRIENDLY -> text.append(pick(random, "Hope this helps! 😊", "Good luck, you've got this!", "Have fun!"));
            case FORMAL -> text.append(pick(random, "Please let me know if further clarification is required.",
                    "I trust this addresses your question."));
            case DETAILED -> text.append(pick(random, "In summary, follow the steps above in order.",
                    "That covers the main points in detail."));
            default -> { }
        }
        return new Composed(text.toString().strip(), (refused ? 0.5 : 1.0) * good / sentences);
    }

    private static String bad(PromptPool.Task task, PromptPool pool, Random random) {
        int kind = random.nextInt(4);
        return switch (kind) {
            case 0 -> pick(random, GENERIC);
            case 1 -> pick(random, HEDGES);
            case 2 -> {
                PromptPool.Task other = pool.otherTask(task, random);
                yield String.format(pick(random, OFF_TOPIC), term(other, random), other.domain(), other.phrase());
            }
            default -> String.format(pick(random, WRONG), task.phrase(), task.domain(), term(task, random));
        };
    }

    private static String term(PromptPool.Task task, Random random) {
        return task.terms()[random.nextInt(task.terms().length)];
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
