package dev.ufp.mining.reward;

import java.time.Duration;

/** Where long runs (embedding, training) report how far they are; the job API shows the latest snapshot. */
@FunctionalInterface
public interface Progress {

    Progress NONE = snapshot -> {
    };

    void update(Snapshot snapshot);

    /**
     * @param phase         e.g. {@code embedding} or {@code training}
     * @param done          units done so far in this phase
     * @param total         units this phase will do (0 when unknown)
     * @param unit          what is counted, e.g. {@code texts} or {@code examples}
     * @param ratePerSecond units per second since the phase began
     * @param eta           time left at that rate (null when unknown)
     * @param detail        e.g. {@code head 2/5 epoch 3/10 loss 0.4127}
     */
    record Snapshot(String phase, long done, long total, String unit, double ratePerSecond, Duration eta,
                    String detail) {
    }
}
