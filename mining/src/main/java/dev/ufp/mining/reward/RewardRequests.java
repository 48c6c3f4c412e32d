package dev.ufp.mining.reward;

import dev.ufp.ingestion.problem.ApiProblem;
import dev.ufp.ingestion.problem.FieldViolation;
import dev.ufp.mining.dataset.Turn;

import java.util.ArrayList;
import java.util.List;

/** The scoring request's body and its checks: every problem names the field, the value and the limit. */
final class RewardRequests {

    static final int MAX_ITEMS = 256;
    static final int MAX_TEXT = 20_000;
    static final int MAX_CONTEXT_TURNS = 50;

    private RewardRequests() {
    }

    record ScoreItem(String prompt, List<Turn> context, String response) {
    }

    record ScoreRequest(String model, List<ScoreItem> items, String score) {
    }

    static ScoreMode mode(String value) {
        if (value == null) {
            return ScoreMode.MEAN;
        }
        return ScoreMode.fromWire(value).orElseThrow(() -> invalid("score", value, ScoreMode.allowed(),
                "not an allowed score"));
    }

    static List<RewardInput> inputs(ScoreRequest request) {
        if (request == null || request.items() == null || request.items().isEmpty()) {
            throw invalid("items", null, "1 to " + MAX_ITEMS + " items", "missing or empty");
        }
        if (request.items().size() > MAX_ITEMS) {
            throw ApiProblem.tooLarge("at most " + MAX_ITEMS + " items per request, got " + request.items().size(),
                    new FieldViolation("items", request.items().size(), String.valueOf(MAX_ITEMS),
                            "too many items"));
        }
        List<RewardInput> inputs = new ArrayList<>(request.items().size());
        for (int i = 0; i < request.items().size(); i++) {
            ScoreItem item = request.items().get(i);
            String at = "items[" + i + "]";
            if (item == null) {
                throw invalid(at, null, "an object with prompt and response", "missing");
            }
            text(at + ".prompt", item.prompt());
            text(at + ".response", item.response());
            List<Turn> context = item.context() == null ? List.of() : item.context();
            if (context.size() > MAX_CONTEXT_TURNS) {
                throw invalid(at + ".context", context.size(), "at most " + MAX_CONTEXT_TURNS + " turns",
                        "too many turns");
            }
            for (int t = 0; t < context.size(); t++) {
                Turn turn = context.get(t);
                String turnAt = at + ".context[" + t + "]";
                if (turn == null || !("user".equals(turn.role()) || "assistant".equals(turn.role()))) {
                    throw invalid(turnAt + ".role", turn == null ? null : turn.role(), "user, assistant",
                            "not an allowed role");
                }
                text(turnAt + ".content", turn.content());
            }
            inputs.add(new RewardInput(item.prompt(), context, item.response()));
        }
        return inputs;
    }

    /** The training request as a config: defaults for what it leaves out, each value checked. */
    static TrainingConfig config(TrainingRequest request) {
        TrainingConfig d = TrainingConfig.defaults();
        if (request == null) {
            return d;
        }
        TrainingConfig.Objective objective = request.objective() == null ? d.objective()
                : switch (request.objective()) {
                    case "love" -> TrainingConfig.Objective.LOVE;
                    case "pairwise" -> TrainingConfig.Objective.PAIRWISE;
                    default -> throw invalid("objective", request.objective(), "love, pairwise", "not an objective");
                };
        TrainingConfig.LabelMode labels = request.labels() == null ? d.labels() : switch (request.labels()) {
            case "evidence" -> TrainingConfig.LabelMode.EVIDENCE;
            case "all" -> TrainingConfig.LabelMode.ALL;
            default -> throw invalid("labels", request.labels(), "evidence, all", "not a label mode");
        };
        int heads = range("heads", request.heads(), d.heads(), TrainingConfig.MAX_HEADS);
        int epochs = range("epochs", request.epochs(), d.epochs(), TrainingConfig.MAX_EPOCHS);
        if (objective == TrainingConfig.Objective.PAIRWISE && (request.dataset() == null
                || request.dataset().isBlank())) {
            throw invalid("dataset", request.dataset(), "a dataset version id", "pairwise training needs a dataset");
        }
        long seed = request.seed() == null ? d.seed() : request.seed();
        return new TrainingConfig(objective, heads, epochs, d.batchSize(), d.learningRate(), d.hidden(), d.dropout(),
                seed, d.positiveWeight(), labels, d.heldOutFraction());
    }

    private static int range(String field, Integer value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        if (value < 1 || value > max) {
            throw invalid(field, value, "1 to " + max, "out of range");
        }
        return value;
    }

    private static void text(String field, String value) {
        if (value == null) {
            throw invalid(field, null, "a text of at most " + MAX_TEXT + " characters", "missing");
        }
        if (value.length() > MAX_TEXT) {
            throw invalid(field, FieldViolation.echo(value), "at most " + MAX_TEXT + " characters",
                    "too long (" + value.length() + " characters)");
        }
    }

    static ApiProblem invalid(String field, Object value, String limit, String message) {
        return ApiProblem.badRequest("invalid-field", "field '" + field + "' is invalid: " + message + "; allowed: "
                + limit, new FieldViolation(field, value, limit, message));
    }
}
