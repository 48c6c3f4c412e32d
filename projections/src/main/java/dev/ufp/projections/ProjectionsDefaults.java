package dev.ufp.projections;

import dev.ufp.ingestion.ModuleDefaults;

/** Adds {@code ufp-projections-defaults.yml} with the lowest precedence: every setting stays overridable. */
public class ProjectionsDefaults extends ModuleDefaults {

    public ProjectionsDefaults() {
        super("ufp-projections-defaults.yml");
    }
}
