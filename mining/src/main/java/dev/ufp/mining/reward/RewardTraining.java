package dev.ufp.mining.reward;

import dev.ufp.mining.candidates.CandidateResponse;
import dev.ufp.mining.curation.UserReliabilityFilter;
import dev.ufp.mining.pairs.MinedSet;
import dev.ufp.mining.candidates.ResponseSource;
import dev.ufp.mining.dataset.DatasetStore;
import dev.ufp.mining.dataset.PairSide;
import dev.ufp.mining.dataset.PreferencePair;
import dev.ufp.mining.dataset.RowFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One training run end to end: read the tenant's responses (Love labels) or a dataset's pairs, split by prompt
 * hash, embed, train the ensemble in a work directory under {@code feedback.home} (named by tenant and request, so
 * the same request after a restart resumes), evaluate on the held-out prompts and register the version.
 */
@Component
public class RewardTraining {

    private static final Logger log = LoggerFactory.getLogger(RewardTraining.class);

    private final ResponseSource responses;
    private final DatasetStore datasets;
    private final ModelRegistry registry;
    private final FeatureEncoder features;
    private final Path workRoot;

    public RewardTraining(ResponseSource responses, DatasetStore datasets, ModelRegistry registry,
                          FeatureEncoder features, @Value("${feedback.home}") String home) {
        this.responses = responses;
        this.datasets = datasets;
        this.registry = registry;
        this.features = features;
        this.workRoot = Path.of(home, "reward", "work");
    }

    public RewardModelVersion train(String tenant, TrainingConfig config, String datasetId, Progress progress) {
        List<PreferencePair> pairs = new ArrayList<>();
        if (datasetId != null) {
            datasets.forEachPair(datasetId, RowFilter.all(), 0, 0, row -> pairs.add(row.row()));
        }
        List<CandidateResponse> labelled = new ArrayList<>();
        if (config.objective() == TrainingConfig.Objective.LOVE) {
            progress.update(new Progress.Snapshot("reading", 0, responses.count(tenant), "responses", 0, null, ""));
            Map<String, MinedSet.UserActivity> users = new HashMap<>();
            responses.scan(tenant, page -> {
                MinedSet.UserActivity.count(users, page);
                page.stream().filter(c -> usable(c, config)).forEach(labelled::add);
            });
            // a reaction spammer's Love (or a flip-flopper's) says nothing about the response: not a label
            Set<String> unreliable = UserReliabilityFilter.defaults().unreliable(users);
            labelled.removeIf(c -> unreliable.contains(c.userId()));
        }
        String trainingSet = config.objective() == TrainingConfig.Objective.LOVE
                ? "love labels of " + labelled.size() + " responses (" + config.labels().wireName() + ")"
                + (datasetId == null ? "" : "; held-out pairs of dataset " + datasetId)
                : "pairs of dataset " + datasetId;
        return trainOn(tenant, config, labelled, pairs, trainingSet, progress);
    }

    private static boolean usable(CandidateResponse candidate, TrainingConfig config) {
        return config.labels() == TrainingConfig.LabelMode.ALL || candidate.loved() || candidate.evidence() > 0;
    }

    /** Trains on the given responses (Love labels) and pairs, evaluates and registers. */
    RewardModelVersion trainOn(String tenant, TrainingConfig config, List<CandidateResponse> labelled,
                               List<PreferencePair> pairs, String trainingSet, Progress progress) {
        double heldOut = config.heldOutFraction();
        List<CandidateResponse> trainResponses = new ArrayList<>();
        List<CandidateResponse> testResponses = new ArrayList<>();
        labelled.forEach(c -> (HeldOutSplit.heldOut(c.prompt(), heldOut) ? testResponses : trainResponses).add(c));
        List<PreferencePair> trainPairs = new ArrayList<>();
        List<PreferencePair> testPairs = new ArrayList<>();
        pairs.forEach(p -> (HeldOutSplit.heldOut(p.prompt(), heldOut) ? testPairs : trainPairs).add(p));

        // one encode call for everything: each distinct text once, one progress bar
        List<RewardInput> inputs = new ArrayList<>();
        labelled.forEach(c -> inputs.add(RewardInput.of(c)));
        int pairStart = inputs.size();
        // love models see pairs only in the report: embed just the held-out ones
        List<PreferencePair> embeddedPairs = config.objective() == TrainingConfig.Objective.LOVE ? testPairs : pairs;
        for (PreferencePair pair : embeddedPairs) {
            inputs.add(side(pair, pair.chosen()));
            inputs.add(side(pair, pair.rejected()));
        }
        float[][] all = features.encode(inputs, progress);
        java.util.Map<Object, float[]> rows = new java.util.IdentityHashMap<>();
        for (int i = 0; i < labelled.size(); i++) {
            rows.put(labelled.get(i), all[i]);
        }
        for (int i = 0; i < embeddedPairs.size(); i++) {
            rows.put(embeddedPairs.get(i).chosen(), all[pairStart + 2 * i]);
            rows.put(embeddedPairs.get(i).rejected(), all[pairStart + 2 * i + 1]);
        }

        Path work = workRoot.resolve(workKey(tenant, config, trainingSet));
        RewardTrainer trainer = new RewardTrainer(config, ModelDescriptor.MINILM, features.options());
        long trainPositives = trainResponses.stream().filter(CandidateResponse::loved).count();
        long trainExamples;
        RewardEnsemble ensemble;
        if (config.objective() == TrainingConfig.Objective.LOVE) {
            float[][] x = trainResponses.stream().map(rows::get).toArray(float[][]::new);
            float[] y = new float[x.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = trainResponses.get(i).loved() ? 1 : 0;
            }
            trainExamples = x.length;
            ensemble = trainer.trainLove(x, y, work, progress);
        } else {
            if (trainPairs.isEmpty()) {
                throw new IllegalArgumentException("the dataset has no training pairs (" + pairs.size()
                        + " pairs, all held out)");
            }
            trainExamples = trainPairs.size();
            trainPositives = 0;
            ensemble = trainer.trainPairwise(trainPairs.stream().map(p -> rows.get(p.chosen())).toArray(float[][]::new),
                    trainPairs.stream().map(p -> rows.get(p.rejected())).toArray(float[][]::new), work, progress);
        }
        try (ensemble) {
            progress.update(new Progress.Snapshot("evaluating", 0, 0, "", 0, null, ""));
            EvaluationReport report = Evaluator.evaluate(ensemble, config, trainExamples, trainPositives,
                    labelledSet(testResponses, rows), pairSet(testPairs, rows));
            RewardModelVersion saved = registry.save(tenant, trainingSet, report, config, work);
            log.info("Registered reward model {} v{} for tenant {}: AUC {}, ECE {}, pairwise accuracy {}",
                    saved.modelId(), saved.version(), tenant, report.rocAuc(), report.ece(), report.pairwiseAccuracy());
            RewardTrainer.deleteTree(work);
            return saved;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RewardInput side(PreferencePair pair, PairSide side) {
        return new RewardInput(pair.prompt(), pair.context(), side.text());
    }

    private static Evaluator.Labeled labelledSet(List<CandidateResponse> test, java.util.Map<Object, float[]> rows) {
        boolean[] loved = new boolean[test.size()];
        int[] lengths = new int[test.size()];
        for (int i = 0; i < loved.length; i++) {
            loved[i] = test.get(i).loved();
            lengths[i] = test.get(i).text().length();
        }
        return new Evaluator.Labeled(test.stream().map(rows::get).toArray(float[][]::new), loved, lengths);
    }

    private static Evaluator.Pairs pairSet(List<PreferencePair> test, java.util.Map<Object, float[]> rows) {
        return new Evaluator.Pairs(test.stream().map(p -> rows.get(p.chosen())).toArray(float[][]::new),
                test.stream().map(p -> rows.get(p.rejected())).toArray(float[][]::new),
                test.stream().mapToInt(p -> p.chosen().text().length()).toArray(),
                test.stream().mapToInt(p -> p.rejected().text().length()).toArray());
    }

    private static String workKey(String tenant, TrainingConfig config, String trainingSet) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((tenant + '\u0000' + config + '\u0000'
                    + trainingSet).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
