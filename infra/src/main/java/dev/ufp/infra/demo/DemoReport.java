package dev.ufp.infra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ufp.infra.client.PlatformClient;
import dev.ufp.infra.simulator.GroundTruth;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the demo prints once the projections caught up: derived signals and love rates next to the truth. */
final class DemoReport {

    private DemoReport() {
    }

    static void print(PlatformClient client, String key, List<GroundTruth.ResponseTruth> truth, PrintStream out)
            throws IOException, InterruptedException {
        out.printf("%nSignals by kind (active, as projected):%n");
        for (JsonNode row : client.get(key, "/v1/analytics/signal-mix").get("rows")) {
            out.printf("  %-16s %,7d  (+%,d / -%,d / =%,d)  mean %+.2f%n", row.get("kind").asText(),
                    row.get("signals").asLong(), row.get("positive").asLong(), row.get("negative").asLong(),
                    row.get("neutral").asLong(), row.get("meanValue").asDouble());
        }
        Map<String, double[]> byVariant = new TreeMap<>();
        for (GroundTruth.ResponseTruth r : truth) {
            double[] t = byVariant.computeIfAbsent(r.variant(), v -> new double[4]);
            t[0]++;
            t[1] += Boolean.TRUE.equals(r.loved()) ? 1 : 0;
            t[2] += r.pLove();
            t[3] += r.quality();
        }
        out.printf("%nLove rate by variant: platform (95%% Wilson interval) vs simulator truth%n");
        out.printf("  %-8s %9s %8s %7s %17s   %10s %10s %12s%n", "variant", "responses", "loved", "rate", "95% CI",
                "true rate", "mean P[Love]", "mean quality");
        for (JsonNode row : client.get(key, "/v1/analytics/love-rate?groupBy=variant").get("rows")) {
            double[] t = byVariant.getOrDefault(row.get("group").asText(), new double[] {1, 0, 0, 0});
            out.printf("  %-8s %,9d %,8d %7.3f   [%.3f, %.3f]   %10.3f %12.3f %12.3f%n", row.get("group").asText(),
                    row.get("responses").asLong(), row.get("loved").asLong(), row.get("loveRate").asDouble(),
                    row.get("ciLow").asDouble(), row.get("ciHigh").asDouble(), t[1] / t[0], t[2] / t[0], t[3] / t[0]);
        }
        out.println("  (true rate: the users' sampled final Love; P[Love]: the Bayes-optimal probability;"
                + " reaction spammers included in both)");
    }

    static void whereNext(String baseUrl, String esUrl, String tenant, Path truth, String conversationId,
                          PrintStream out) {
        out.printf("%nWhere to look next (analyst key of tenant '%s'; issue one with POST %s/v1/admin/keys):%n", tenant,
                baseUrl);
        out.printf("  %s/v1/analytics/love-rate?groupBy=attribute.plan   (also variant, model, day, attribute.region)%n",
                baseUrl);
        out.printf("  %s/v1/analytics/signal-mix    %s/v1/analytics/worst-responses?limit=20%n", baseUrl, baseUrl);
        out.printf("  %s/v1/analytics/follow-ups?q=wrong&kind=negative%n", baseUrl);
        out.printf("  %s/v1/conversations/%s/events   (stored history, user ids pseudonymised)%n", baseUrl,
                conversationId);
        out.printf("  Elasticsearch %s: aliases feedback-responses, feedback-signals, feedback-conversations"
                + " (filter on tenant=%s)%n", esUrl, tenant);
        out.printf("  Ground truth (never sent to the platform): %s%n", truth);
    }
}
