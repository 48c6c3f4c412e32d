package dev.ufp.infra.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ufp.infra.client.BatchOutcome;
import dev.ufp.infra.client.BatchSender;
import dev.ufp.infra.client.EventTransport;
import dev.ufp.infra.client.HttpTransport;
import dev.ufp.infra.client.PlatformClient;
import dev.ufp.infra.client.ProjectionWait;
import dev.ufp.infra.importers.ImportNotes;
import dev.ufp.infra.importers.ImportedData;
import dev.ufp.infra.importers.OpenAssistantImporter;
import dev.ufp.infra.importers.RatedDialogImporter;
import dev.ufp.infra.simulator.GroundTruth;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code infra/bin/platform evaluate}: imports a real data set into a fresh tenant of a running platform, writes
 * its ground truth, waits for the projections and measures what the platform stored against that truth.
 * Usage: {@code EvaluateMain <baseUrl> <adminKey> <esUrl> (--oasst FILE | --convai2 FILE)}.
 */
public final class EvaluateMain {

    static final String RESPONSES_ALIAS = "feedback-responses";

    private EvaluateMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5 || !(args[3].equals("--oasst") || args[3].equals("--convai2"))) {
            System.err.println("usage: EvaluateMain <baseUrl> <adminKey> <esUrl> (--oasst FILE | --convai2 FILE)");
            System.exit(2);
        }
        String baseUrl = args[0];
        String esUrl = args[2];
        boolean openAssistant = args[3].equals("--oasst");
        Path file = Path.of(args[4]);
        String tenant = "eval-" + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        ImportedData data = openAssistant ? new OpenAssistantImporter().read(file, tenant)
                : new RatedDialogImporter().read(file, tenant);
        Path home = Path.of(System.getenv().getOrDefault("FEEDBACK_HOME", ".platform"));
        Path truthFile = home.resolve("evaluate").resolve(tenant).resolve("truth.jsonl");
        GroundTruth.write(truthFile, data.truth());

        EvaluationReport report = new EvaluationReport("Evaluation of " + file + " in tenant " + tenant);
        importSection(report, file, data, truthFile);

        PlatformClient client = new PlatformClient(baseUrl);
        String key = client.issueKey(args[1], tenant, List.of("ingest", "analyst"));
        BatchOutcome outcome = new BatchSender(Map.<String, EventTransport>of(tenant, new HttpTransport(client, key)),
                2, ImportNotes.MAX_EVENTS_PER_CONVERSATION, 0, System.out).send(data.conversations());
        report.section("Delivery (one request per conversation or more, never a conversation split)")
                .line("  %s", outcome);
        if (!outcome.examples().isEmpty()) {
            EvaluationReport.Section rejections = report.section("Rejections (examples)");
            outcome.examples().forEach(e -> rejections.line("  %s", e));
        }

        long responses = data.eventsByType().getOrDefault("ResponseGenerated", 0);
        ProjectionWait.await(client, baseUrl, key, args[1], responses, Duration.ofMinutes(10), System.out);
        ProjectedResponses projected = ProjectedResponses.fetch(esUrl, RESPONSES_ALIAS, tenant);
        report.section("Projections").line("  %,d response documents in %s/%s for tenant %s", projected.size(), esUrl,
                RESPONSES_ALIAS, tenant);
        if (openAssistant) {
            rankingSection(report, GroundTruth.pairs(data.truth()), projected::netThumbs);
            String trainer = client.issueKey(args[1], tenant, List.of("trainer"));
            MiningRun run = new MiningRun(client, trainer, System.out);
            System.out.println("Mining preference pairs from what was projected…");
            String dataset = run.mine(Map.of("name", "evaluation"), Duration.ofMinutes(15)).get("datasetId").asText();
            minedSection(report, run.manifest(dataset), run.pairs(dataset), GroundTruth.pairs(data.truth()));
        } else {
            ratingSection(report, GroundTruth.responses(data.truth()), projected::followUpPolarity);
        }
        System.out.println();
        report.print(System.out);
    }

    static void importSection(EvaluationReport report, Path file, ImportedData data, Path truthFile) {
        EvaluationReport.Section section = report.section("Imported")
                .line("  %,d conversations, %,d events from %s; ground truth (%,d lines) in %s",
                        data.conversations().size(), data.events(), file, data.truth().size(), truthFile)
                .counts(data.eventsByType());
        if (!data.notes().counts().isEmpty()) {
            section.line("  notes:").counts(data.notes().counts());
        }
        data.notes().skipped().stream().limit(10).forEach(s -> section.line("  skipped %s", s));
    }

    static void rankingSection(EvaluationReport report, List<GroundTruth.PairTruth> pairs,
                               Function<GroundTruth.ResponseRef, Integer> netThumbs) {
        EmojiRankAgreement a = EmojiRankAgreement.of(pairs, netThumbs);
        report.section("Net emoji (thumbs up − down, as projected) vs human sibling rankings")
                .line("  %,d ranked pairs: the rule decides %,d, agrees on %,d = %.1f%% (ties %,d = %.1f%%;"
                                + " not projected %,d)", pairs.size(), a.decided(), a.agree(), 100 * a.agreement(),
                        a.ties(), 100.0 * a.ties() / Math.max(1, pairs.size()), a.missing());
    }

    static void minedSection(EvaluationReport report, JsonNode manifest, List<MinedPairAccuracy.Mined> mined,
                             List<GroundTruth.PairTruth> ranked) {
        MinedPairAccuracy accuracy = MinedPairAccuracy.byRanking(mined, ranked);
        EvaluationReport.Section section = report.section("Mined pairs (dataset " + manifest.get("datasetId").asText()
                + ") vs human sibling rankings");
        section.line("  %,d pairs mined from %,d responses; %,d of them compare two ranked siblings: the platform"
                        + " agrees with the human ranking on %.1f%% (net-emoji baseline on this sample: 63.6%%)",
                mined.size(), manifest.get("candidates").asLong(), accuracy.judged(), 100 * accuracy.accuracy());
        section.line("  ranked pairs covered: %,d of %,d; by origin: %s", accuracy.judged(), ranked.size(),
                accuracy.originSummary());
        for (JsonNode step : manifest.get("filters")) {
            section.line("  %-22s in %,6d  dropped %,6d", step.get("name").asText(), step.get("in").asLong(),
                    step.get("dropped").asLong());
        }
    }

    static void ratingSection(EvaluationReport report, List<GroundTruth.ResponseTruth> rated,
                              Function<GroundTruth.ResponseRef, Double> polarity) {
        FollowUpRatingAuc auc = FollowUpRatingAuc.of(rated, polarity);
        report.section("Projected follow-up polarity vs the same user's rating")
                .line("  ROC AUC %.3f over %,d rated responses with a follow-up (%,d liked); %,d rated responses"
                                + " without a follow-up, %,d not projected (lexical baseline: 0.59)", auc.auc(),
                        auc.pairs(), auc.liked(), auc.withoutFollowUp(), auc.missing());
    }
}
