package dev.ufp.mining.dataset;

import java.util.Map;

/** One curation step as the manifest records it: how many pairs came in, how many it dropped, and why. */
public record FilterStep(String name, String version, long in, long dropped, Map<String, Object> details) {

    public FilterStep {
        details = Map.copyOf(details);
    }

    public long out() {
        return in - dropped;
    }
}
