package dev.ufp.mining.jobs;

import dev.ufp.ingestion.problem.ApiProblem;
import dev.ufp.ingestion.problem.FieldViolation;
import dev.ufp.mining.pairs.MiningRules;

import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a mining job should do; every field is optional and defaults as documented in the README.
 *
 * @param name                    dataset name ({@code [a-z0-9][a-z0-9_-]{0,63}}); each run adds a version
 * @param minMargin               least score difference a pair needs
 * @param minEvidence             least active signals per side
 * @param maxPairsPerPrompt       pairs kept per prompt group (largest margins)
 * @param maxPairsPerUser         pairs one user's actions may decide
 * @param maxPairsPerConversation pairs one conversation may take part in
 * @param minResponsesSeen        responses a user must have seen before their love rate can mark them unreliable
 * @param maxLoveRate             love rate at which a user counts as a reaction spammer
 * @param maxRetractions          retracted reactions at which a user counts as a flip-flopper
 * @param nearDuplicateThreshold  cosine similarity at which two texts count as the same
 * @param balanceLength           drop pairs until chosen-longer and chosen-shorter pairs are balanced
 * @param noiseFilter             drop pairs the tenant's reward-model ensemble strongly contradicts
 * @param noiseThreshold          mean margin against the chosen side that counts as strong
 * @param labelThreshold          |score| a response needs for an unpaired label
 * @param testFraction            share of prompts in the test split
 * @param evaluationPrompts       prompts of an evaluation set to decontaminate against
 */
public record MiningRequest(String name, Double minMargin, Integer minEvidence, Integer maxPairsPerPrompt,
                            Integer maxPairsPerUser, Integer maxPairsPerConversation, Integer minResponsesSeen,
                            Double maxLoveRate, Integer maxRetractions, Double nearDuplicateThreshold,
                            Boolean balanceLength, Boolean noiseFilter, Double noiseThreshold, Double labelThreshold,
                            Double testFraction, List<String> evaluationPrompts) {

    static final int MAX_EVALUATION_PROMPTS = 100_000;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public static MiningRequest defaults() {
        return new MiningRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** Defaults filled in; a 400 problem listing every invalid field otherwise. */
    public MiningRequest validated() {
        MiningRules defaults = MiningRules.defaults();
        MiningRequest r = new MiningRequest(or(name, "default"), or(minMargin, 0.5), or(minEvidence,
                defaults.minEvidence()), or(maxPairsPerPrompt, defaults.maxPairsPerPrompt()), or(maxPairsPerUser, 200),
                or(maxPairsPerConversation, 20), or(minResponsesSeen, 5), or(maxLoveRate, 0.8), or(maxRetractions, 3),
                or(nearDuplicateThreshold, 0.97), or(balanceLength, false),
                or(noiseFilter, true), or(noiseThreshold, 0.5), or(labelThreshold, defaults.labelThreshold()),
                or(testFraction, defaults.testFraction()), or(evaluationPrompts, List.of()));
        List<FieldViolation> violations = new ArrayList<>();
        if (!NAME.matcher(r.name).matches()) {
            violations.add(new FieldViolation("name", FieldViolation.echo(r.name), NAME.pattern(),
                    "a dataset name is lower-case letters, digits, _ and -"));
        }
        range(violations, "minMargin", r.minMargin, 0, 10);
        range(violations, "minEvidence", r.minEvidence, 0, 1000);
        range(violations, "maxPairsPerPrompt", r.maxPairsPerPrompt, 1, 100_000);
        range(violations, "maxPairsPerUser", r.maxPairsPerUser, 1, 10_000_000);
        range(violations, "maxPairsPerConversation", r.maxPairsPerConversation, 1, 10_000_000);
        range(violations, "minResponsesSeen", r.minResponsesSeen, 1, 1_000_000);
        range(violations, "maxLoveRate", r.maxLoveRate, 0, 1);
        range(violations, "maxRetractions", r.maxRetractions, 1, 1_000_000);
        range(violations, "nearDuplicateThreshold", r.nearDuplicateThreshold, 0.5, 1);
        range(violations, "noiseThreshold", r.noiseThreshold, 0, 100);
        range(violations, "labelThreshold", r.labelThreshold, 0, 100);
        range(violations, "testFraction", r.testFraction, 0, 0.9);
        if (r.evaluationPrompts.size() > MAX_EVALUATION_PROMPTS) {
            violations.add(new FieldViolation("evaluationPrompts", r.evaluationPrompts.size(),
                    "at most " + MAX_EVALUATION_PROMPTS, "too many evaluation prompts"));
        }
        if (!violations.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-mining-request", "Bad request",
                    violations.size() + " field(s) of the mining request are invalid", violations);
        }
        return r;
    }

    MiningRules rules() {
        return new MiningRules(minEvidence, maxPairsPerPrompt, labelThreshold, MiningRules.defaults().strengthScale(),
                testFraction);
    }

    /** The parameters as the manifest records them (the evaluation set by size only). */
    Map<String, Object> parameters() {
        Map<String, Object> out = new TreeMap<>();
        out.put("minMargin", minMargin);
        out.put("minEvidence", minEvidence);
        out.put("maxPairsPerPrompt", maxPairsPerPrompt);
        out.put("maxPairsPerUser", maxPairsPerUser);
        out.put("maxPairsPerConversation", maxPairsPerConversation);
        out.put("minResponsesSeen", minResponsesSeen);
        out.put("maxLoveRate", maxLoveRate);
        out.put("maxRetractions", maxRetractions);
        out.put("nearDuplicateThreshold", nearDuplicateThreshold);
        out.put("balanceLength", balanceLength);
        out.put("noiseFilter", noiseFilter);
        out.put("noiseThreshold", noiseThreshold);
        out.put("labelThreshold", labelThreshold);
        out.put("testFraction", testFraction);
        out.put("evaluationPrompts", evaluationPrompts.size());
        return out;
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static void range(List<FieldViolation> violations, String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            violations.add(new FieldViolation(field, value, "[" + min + ", " + max + "]", "out of range"));
        }
    }
}
