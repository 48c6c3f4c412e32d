package dev.ufp.projections.projector;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Projection lag as Micrometer gauges: {@code feedback.projection.lag.events} (events stored but not yet
 * projected: the store's head position minus the slowest segment's position) and
 * {@code feedback.projection.segments} (segments claimed by this node), tagged with the processor: the live
 * projection, and with two-stage follow-ups also the revisions (follow-ups still on their first-stage verdict).
 */
@Component
public class ProjectionLag {

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;

    ProjectionLag(EventStore eventStore, EventProcessingConfiguration processing, MeterRegistry registry,
                  Projector projector) {
        this.eventStore = eventStore;
        this.processing = processing;
        List<String> groups = projector.twoStage() ? List.of(FeedbackProjector.GROUP, FollowUpRevisionProcessor.GROUP)
                : List.of(FeedbackProjector.GROUP);
        for (String group : groups) {
            Gauge.builder("feedback.projection.lag.events", this, p -> p.lagEvents(group))
                    .description("events in the store not yet applied to the Elasticsearch projections (for "
                            + FollowUpRevisionProcessor.GROUP + ": follow-ups still on their first-stage verdict)")
                    .tag("processor", group).register(registry);
            Gauge.builder("feedback.projection.segments", this, p -> p.status(group).size())
                    .tag("processor", group).register(registry);
        }
    }

    /** Events the live projection is behind the head; NaN when this node holds no segment. */
    public double lagEvents() {
        return lagEvents(FeedbackProjector.GROUP);
    }

    private double lagEvents(String group) {
        Map<Integer, EventTrackerStatus> status = status(group);
        if (status.isEmpty()) {
            return Double.NaN;
        }
        long head = position(eventStore.createHeadToken()).orElse(-1);
        long slowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : status.values()) {
            slowest = Math.min(slowest, segment.getCurrentPosition().orElse(-1));
        }
        return Math.max(0, head - slowest);
    }

    private Map<Integer, EventTrackerStatus> status(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
