package dev.ufp.infra.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ufp.infra.client.PlatformClient;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Drives the platform's mining and reward-model jobs over HTTP as a training pipeline would: start a job, show its
 * progress until it ends, fetch what it made.
 */
public final class MiningRun {

    private static final Duration POLL = Duration.ofMillis(500);

    private final PlatformClient client;
    private final String key;
    private final PrintStream out;

    /** @param key a key with role {@code trainer} */
    public MiningRun(PlatformClient client, String key, PrintStream out) {
        this.client = client;
        this.key = key;
        this.out = out;
    }

    /** Mines a new version of a dataset; answers the finished job (with {@code datasetId}). */
    public JsonNode mine(Map<String, Object> request, Duration timeout) throws IOException, InterruptedException {
        JsonNode job = client.post(key, "/v1/mining/jobs", request, 202);
        return follow("/v1/mining/jobs/" + job.get("id").asText(), "mining", timeout);
    }

    /** The dataset's manifest. */
    public JsonNode manifest(String datasetId) throws IOException, InterruptedException {
        return client.get(key, "/v1/datasets/" + datasetId);
    }

    /** Every pair of a dataset version with its provenance. */
    public List<MinedPairAccuracy.Mined> pairs(String datasetId) throws IOException, InterruptedException {
        return client.getLines(key, "/v1/datasets/" + datasetId + "/pairs?format=native").stream()
                .map(MinedPairAccuracy.Mined::of).toList();
    }

    /** Trains a reward model; answers the finished job (with the model id). */
    public JsonNode train(Map<String, Object> request, Duration timeout) throws IOException, InterruptedException {
        JsonNode job = client.post(key, "/v1/reward/models", request, 202);
        return follow("/v1/reward/jobs/" + job.get("id").asText(), "training", timeout);
    }

    private JsonNode follow(String path, String what, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode job = client.get(key, path);
        String shown = "";
        while (!finished(job) && System.nanoTime() < deadline) {
            String line = String.format("  %s: %s %,d/%,d%s", what, job.path("phase").asText(),
                    job.path("done").asLong(), job.path("total").asLong(),
                    job.hasNonNull("etaSeconds") ? ", ETA " + job.get("etaSeconds").asLong() + " s" : "");
            if (!line.equals(shown)) {
                out.print("\r" + line + " ".repeat(Math.max(0, shown.length() - line.length())));
                shown = line;
            }
            Thread.sleep(POLL.toMillis());
            job = client.get(key, path);
        }
        out.println();
        if (!job.path("state").asText().equals("succeeded")) {
            throw new IOException(what + " job " + path + " did not succeed: " + job);
        }
        return job;
    }

    private static boolean finished(JsonNode job) {
        String state = job.path("state").asText();
        return state.equals("succeeded") || state.equals("failed");
    }
}
