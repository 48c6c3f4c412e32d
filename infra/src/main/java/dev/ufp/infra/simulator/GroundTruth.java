package dev.ufp.infra.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ground-truth file: JSON lines that are never sent to the platform, written by the simulator (latent quality,
 * Bayes-optimal P[Love], sampled outcome, better/worse pairs) and by the importers (human rankings and ratings).
 * Absent optional values are left out of a line.
 */
public final class GroundTruth {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** One line of the file. */
    public sealed interface Line permits ResponseTruth, PairTruth {
    }

    /**
     * What is known of one response. Simulated: quality, style, pLove (Bayes-optimal), loved (sampled),
     * adversarialReactions, variant. Imported: rating (e.g. the user's 0/1 score), the rest absent.
     */
    @JsonPropertyOrder({"kind", "tenant", "conversationId", "responseId", "turnId", "promptText", "quality", "style",
            "pLove", "loved", "adversarialReactions", "variant", "rating"})
    public record ResponseTruth(String tenant, String conversationId, String responseId, String turnId,
                                String promptText, Double quality, String style, Double pLove, Boolean loved,
                                Boolean adversarialReactions, String variant, Integer rating) implements Line {
        @JsonProperty("kind")
        public String kind() {
            return "response";
        }
    }

    /** A response of one conversation. */
    public record ResponseRef(String conversationId, String responseId) {
    }

    /** Two responses to the same prompt text; {@code better} is truly better by {@code qualityGap}. */
    @JsonPropertyOrder({"kind", "tenant", "conversationId", "better", "worse", "promptText", "qualityGap"})
    public record PairTruth(String tenant, String conversationId, ResponseRef better, ResponseRef worse,
                            String promptText, double qualityGap) implements Line {
        @JsonProperty("kind")
        public String kind() {
            return "pair";
        }
    }

    private GroundTruth() {
    }

    public static String toJson(Line line) {
        try {
            return JSON.writeValueAsString(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, List<? extends Line> lines) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Line line : lines) {
                out.write(toJson(line));
                out.write('\n');
            }
        }
    }

    public static List<Line> read(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        int number = 0;
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(text);
            String kind = node.path("kind").asText();
            switch (kind) {
                case "response" -> lines.add(JSON.treeToValue(node, ResponseTruth.class));
                case "pair" -> lines.add(JSON.treeToValue(node, PairTruth.class));
                default -> throw new IOException(file + ":" + number + ": unknown kind '" + kind + "'");
            }
        }
        return lines;
    }

    public static List<ResponseTruth> responses(List<Line> lines) {
        return lines.stream().filter(ResponseTruth.class::isInstance).map(ResponseTruth.class::cast).toList();
    }

    public static List<PairTruth> pairs(List<Line> lines) {
        return lines.stream().filter(PairTruth.class::isInstance).map(PairTruth.class::cast).toList();
    }
}
