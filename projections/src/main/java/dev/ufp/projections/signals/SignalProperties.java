package dev.ufp.projections.signals;

import dev.ufp.ingestion.contract.Reaction;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Signal strengths (signed, in [-1, 1]) and the abandonment window; {@code feedback.projections.signals.*}.
 * Changing one changes documents: rebuild the indices afterwards.
 */
@ConfigurationProperties("feedback.projections.signals")
public record SignalProperties(Map<Reaction, Double> reactions, double regenerate, double copy, double share,
                               double spanCorrection, double abandonment, double hindsight,
                               Duration abandonmentWindow) {

    public SignalProperties {
        Map<Reaction, Double> merged = new EnumMap<>(DEFAULT_REACTIONS);
        if (reactions != null) {
            merged.putAll(reactions);
        }
        reactions = Map.copyOf(merged);
        abandonmentWindow = abandonmentWindow == null ? Duration.ofMinutes(30) : abandonmentWindow;
    }

    static final Map<Reaction, Double> DEFAULT_REACTIONS = Map.of(Reaction.LOVE, 1.0, Reaction.THUMBS_UP, 0.6,
            Reaction.LAUGH, 0.3, Reaction.OTHER, 0.0, Reaction.SAD, -0.4, Reaction.ANGRY, -0.8,
            Reaction.THUMBS_DOWN, -0.7);

    public static SignalProperties defaults() {
        return new SignalProperties(null, -0.6, 0.5, 0.7, -0.5, -0.2, -0.8, Duration.ofMinutes(30));
    }

    public SignalProperties withAbandonmentWindow(Duration window) {
        return new SignalProperties(reactions, regenerate, copy, share, spanCorrection, abandonment, hindsight, window);
    }
}
