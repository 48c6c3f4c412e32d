package dev.ufp.projections.followup;

import dev.ufp.projections.followup.RatedDialogPairs.RatedFollowUp;
import dev.ufp.projections.followup.FollowUpClassifier.FollowUpInput;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Does a follow-up classifier predict what the user felt? On ConvAI2, the bot turn's 0/1 rating and the next
 * human turn come from the same real user: ROC AUC of each classifier's polarity against the rating, on all
 * pairs and on two fixed halves (even / odd dialog index), with a 95% cluster-bootstrap interval over dialogs.
 *
 * <p>Usage: {@code RatedDialogEvaluation <path to data_intermediate.json>}
 */
public final class RatedDialogEvaluation {

    static final int BOOTSTRAP_RESAMPLES = 2000;
    static final long BOOTSTRAP_SEED = 20250101L;
    /** classifyAll over all pairs is timed this many times after one warm-up; the median is reported. */
    static final int DEFAULT_TIMED_ROUNDS = 5;

    /** One classifier's numbers; counts are [liked, disliked] per class. */
    record Result(String name, String version, double auc, double aucEvenDialogs, double aucOddDialogs,
                  DialogBootstrap.Interval interval, Map<FollowUpClass, int[]> counts, double[] polarity,
                  double followUpsPerSecond) {
    }

    /** @param distinctTexts distinct non-blank follow-ups and previous prompts: what one classifyAll embeds */
    record Report(int dialogs, int pairs, int liked, int distinctTexts, int timedRounds, List<Result> results,
                  DialogBootstrap.Interval firstMinusLast) {
    }

    private RatedDialogEvaluation() {
    }

    static Report evaluate(Path file, List<FollowUpClassifier> classifiers, int timedRounds) throws IOException {
        List<RatedFollowUp> pairs = RatedDialogPairs.load(file);
        List<FollowUpInput> inputs = pairs.stream()
                .map(p -> new FollowUpInput(p.previousPrompt(), p.response(), p.followUp())).toList();
        boolean[] labels = new boolean[pairs.size()];
        int[] dialogOf = new int[pairs.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = pairs.get(i).liked();
            dialogOf[i] = pairs.get(i).dialog();
        }
        DialogBootstrap bootstrap = new DialogBootstrap(dialogOf, labels, BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED);
        List<Result> results = classifiers.stream()
                .map(c -> run(c, inputs, labels, dialogOf, bootstrap, timedRounds)).toList();
        DialogBootstrap.Interval delta = results.size() < 2 ? null
                : bootstrap.difference(results.get(0).polarity(), results.get(results.size() - 1).polarity());
        int liked = 0;
        for (boolean l : labels) {
            liked += l ? 1 : 0;
        }
        int dialogs = (int) pairs.stream().mapToInt(RatedFollowUp::dialog).distinct().count();
        int distinctTexts = (int) inputs.stream()
                .flatMap(i -> java.util.stream.Stream.of(i.followUp(), i.previousPrompt()))
                .filter(t -> t != null && !t.isBlank()).distinct().count();
        return new Report(dialogs, pairs.size(), liked, distinctTexts, timedRounds, results, delta);
    }

    private static Result run(FollowUpClassifier classifier, List<FollowUpInput> inputs, boolean[] labels,
                              int[] dialogOf, DialogBootstrap bootstrap, int timedRounds) {
        List<FollowUpVerdict> verdicts = classifier.classifyAll(inputs); // warm-up: lazy model load, JIT
        double[] seconds = new double[timedRounds];
        for (int r = 0; r < timedRounds; r++) {
            long start = System.nanoTime();
            classifier.classifyAll(inputs);
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        double[] polarity = verdicts.stream().mapToDouble(FollowUpVerdict::polarity).toArray();
        Map<FollowUpClass, int[]> counts = new EnumMap<>(FollowUpClass.class);
        for (FollowUpClass k : FollowUpClass.values()) {
            counts.put(k, new int[2]);
        }
        for (int i = 0; i < verdicts.size(); i++) {
            counts.get(verdicts.get(i).kind())[labels[i] ? 0 : 1]++;
        }
        return new Result(classifier.name(), classifier.version(), RocAuc.of(polarity, labels),
                aucOnHalf(polarity, labels, dialogOf, 0), aucOnHalf(polarity, labels, dialogOf, 1),
                bootstrap.auc(polarity), counts, polarity, inputs.size() / seconds[timedRounds / 2]);
    }

    private static double aucOnHalf(double[] scores, boolean[] labels, int[] dialogOf, int parity) {
        int n = 0;
        for (int d : dialogOf) {
            n += d % 2 == parity ? 1 : 0;
        }
        double[] s = new double[n];
        boolean[] l = new boolean[n];
        int at = 0;
        for (int i = 0; i < scores.length; i++) {
            if (dialogOf[i] % 2 == parity) {
                s[at] = scores[i];
                l[at++] = labels[i];
            }
        }
        return RocAuc.of(s, l);
    }

    static String format(Report report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("ConvAI2 follow-ups: %d pairs (rated bot turn + next human turn) from %d dialogs;"
                + " %d liked (1), %d not liked (0)%n%n", report.pairs(), report.dialogs(), report.liked(),
                report.pairs() - report.liked()));
        out.append(String.format("%-14s %-3s %7s %-16s %9s %9s %12s%n", "classifier", "v", "AUC", "95% CI (dialogs)",
                "AUC even", "AUC odd", "follow-ups/s*"));
        for (Result r : report.results()) {
            out.append(String.format("%-14s %-3s %7.3f %-16s %9.3f %9.3f %12.0f%n", r.name(), r.version(), r.auc(),
                    r.interval(), r.aucEvenDialogs(), r.aucOddDialogs(), r.followUpsPerSecond()));
        }
        out.append(String.format("* classifyAll over all %d pairs in one call (%d distinct texts to embed),"
                + " median of %d timed runs%n", report.pairs(), report.distinctTexts(), report.timedRounds()));
        if (report.firstMinusLast() != null) {
            List<Result> rs = report.results();
            out.append(String.format("%nAUC(%s) - AUC(%s) = %.3f, paired 95%% CI over dialogs %s%n", rs.get(0).name(),
                    rs.get(rs.size() - 1).name(), rs.get(0).auc() - rs.get(rs.size() - 1).auc(),
                    report.firstMinusLast()));
        }
        out.append(String.format("%nclass counts (liked / not liked)%n%-14s", "classifier"));
        for (FollowUpClass k : FollowUpClass.values()) {
            out.append(String.format(" %-16s", k));
        }
        out.append(System.lineSeparator());
        for (Result r : report.results()) {
            out.append(String.format("%-14s", r.name()));
            for (FollowUpClass k : FollowUpClass.values()) {
                int[] c = r.counts().get(k);
                out.append(String.format(" %-16s", String.format("%d (%d / %d)", c[0] + c[1], c[0], c[1])));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: RatedDialogEvaluation <path to convai2/data_intermediate.json>");
            System.exit(2);
        }
        long start = System.nanoTime();
        EmbeddingFollowUpClassifier minilm = EmbeddingFollowUpClassifier.shared();
        System.out.printf("MiniLM encoder + prototypes loaded in %.1f s; NEUTRAL margin %.4f (cosine units)%n%n",
                (System.nanoTime() - start) / 1e9, minilm.neutralMargin());
        Report report = evaluate(Path.of(args[0]), List.of(minilm, new LexicalFollowUpClassifier()),
                DEFAULT_TIMED_ROUNDS);
        System.out.print(format(report));
    }
}
