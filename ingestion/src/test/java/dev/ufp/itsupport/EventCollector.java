package dev.ufp.itsupport;

import dev.ufp.ingestion.contract.FeedbackEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A streaming processor that records every event id it is handed, to check that none is skipped. */
@Component
@ProcessingGroup("it-collector")
public class EventCollector {

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    @EventHandler
    void on(FeedbackEvent event) {
        seen.add(event.eventId());
    }

    public Set<String> seen() {
        return seen;
    }
}
