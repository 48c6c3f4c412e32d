package dev.ufp.projections.projector;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;

/**
 * How far the live projection ({@value FeedbackProjector#GROUP}) has got on this node: the follow-up revisions
 * wait here until it has applied the events they revise. Woken after every batch the projection commits.
 */
@Component
class ProjectedPosition {

    private final EventProcessingConfiguration processing;

    ProjectedPosition(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** The live projection committed a batch. */
    synchronized void advanced() {
        notifyAll();
    }

    /**
     * Waits until every segment of the live projection is past global position {@code position} on this node, at
     * most {@code timeout}; answers whether it is.
     */
    synchronized boolean awaitPast(long position, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isPast(position)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            // woken by advanced(); the bound re-checks in case a segment moved without a commit here
            wait(Math.max(1, Math.min(Duration.ofNanos(left).toMillis(), 200)));
        }
        return true;
    }

    /** Every segment claimed here (all of them together covering the whole processor) is at or past position. */
    boolean isPast(long position) {
        Map<Integer, EventTrackerStatus> status = processing.eventProcessor(FeedbackProjector.GROUP,
                StreamingEventProcessor.class).map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        double covered = 0;
        for (EventTrackerStatus segment : status.values()) {
            if (segment.isErrorState() || segment.getCurrentPosition().orElse(-1) < position) {
                return false;
            }
            covered += 1.0 / (segment.getSegment().getMask() + 1);
        }
        return covered > 0.999;
    }
}
