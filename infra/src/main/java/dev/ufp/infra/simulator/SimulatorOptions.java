package dev.ufp.infra.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What to simulate (the delivery options are used by the driver, the rest by the simulation).
 *
 * @param tenant        tenant name, or the prefix of {@code tenants} names ({@code <tenant>-1 …})
 * @param adversarial   share of users who are reaction spammers or flip-floppers (half each)
 * @param duplicates    chance that an event is delivered twice (same eventId)
 * @param outOfOrder    chance that a conversation's events are delivered shuffled (within what the platform accepts)
 */
public record SimulatorOptions(int conversations, long seed, String tenant, int tenants, double adversarial,
                               double duplicates, double outOfOrder, Instant start) {

    public static final Instant DEFAULT_START = Instant.parse("2026-11-01T08:00:00Z");

    public SimulatorOptions {
        if (conversations < 0 || tenants < 1) {
            throw new IllegalArgumentException("conversations must be >= 0 and tenants >= 1");
        }
        for (double p : new double[] {adversarial, duplicates, outOfOrder}) {
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("shares must lie in [0, 1], got " + p);
            }
        }
    }

    public static SimulatorOptions defaults(int conversations, long seed, String tenant) {
        return new SimulatorOptions(conversations, seed, tenant, 1, 0.05, 0, 0, DEFAULT_START);
    }

    public SimulatorOptions withFaults(double duplicates, double outOfOrder) {
        return new SimulatorOptions(conversations, seed, tenant, tenants, adversarial, duplicates, outOfOrder, start);
    }

    public List<String> tenantNames() {
        if (tenants == 1) {
            return List.of(tenant);
        }
        List<String> names = new ArrayList<>();
        for (int t = 1; t <= tenants; t++) {
            names.add(tenant + "-" + t);
        }
        return names;
    }
}
