package dev.ufp.infra.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits until the analyst API shows a tenant's responses and the projection processors have no lag left
 * ({@code feedback_projection_lag_events} at {@code /actuator/prometheus}, the largest of its processors' lines:
 * the live projection and the follow-up revisions), printing progress. Stops early when the
 * lag stays zero for {@link #SETTLED_POLLS} polls: everything stored is projected (responses the platform
 * rejected never will be).
 */
public final class ProjectionWait {

    static final int SETTLED_POLLS = 5;

    private ProjectionWait() {
    }

    /**
     * @param key      a key with the analyst role, for the analyst API
     * @param adminKey the bootstrap admin key (or an operator key), for the actuator's lag gauge
     * @return the number of responses projected when the wait ended
     */
    public static long await(PlatformClient client, String baseUrl, String key, String adminKey, long responses,
                             Duration timeout, PrintStream out) throws IOException, InterruptedException {
        out.printf("Waiting for the Elasticsearch projections to show all %,d responses…%n", responses);
        long deadline = System.nanoTime() + timeout.toNanos();
        long projected = 0;
        double lag = Double.NaN;
        int settled = 0;
        while (System.nanoTime() < deadline) {
            projected = 0;
            for (JsonNode row : client.get(key, "/v1/analytics/love-rate?groupBy=model").get("rows")) {
                projected += row.get("responses").asLong();
            }
            lag = lag(baseUrl, adminKey);
            out.printf("\r  projected %,d / %,d responses, projection lag %s events   ", projected, responses,
                    Double.isNaN(lag) ? "?" : String.format("%,.0f", lag));
            settled = lag == 0 ? settled + 1 : 0;
            if ((projected >= responses && (Double.isNaN(lag) || lag == 0)) || settled >= SETTLED_POLLS) {
                break;
            }
            Thread.sleep(1000);
        }
        out.println();
        if (projected < responses) {
            out.printf("  (%s: the numbers below cover what was projected)%n", settled >= SETTLED_POLLS
                    ? "every stored event is projected; the rest was not stored" : "timed out after " + timeout);
        }
        return projected;
    }

    private static double lag(String baseUrl, String adminKey) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(baseUrl + "/actuator/prometheus"))
                    .header("Authorization", "Bearer " + adminKey).build(), HttpResponse.BodyHandlers.ofString());
            // one line per processor (the live projection and, with two-stage follow-ups, the MiniLM revisions):
            // the projection is complete when the slowest of them is
            double lag = Double.NaN;
            for (String line : answer.body().split("\n")) {
                if (line.startsWith("feedback_projection_lag_events")) {
                    double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    lag = Double.isNaN(lag) ? value : Double.isNaN(value) ? lag : Math.max(lag, value);
                }
            }
            return lag;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Double.NaN;
    }
}
