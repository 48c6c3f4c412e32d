package dev.ufp.mining;

import dev.ufp.ingestion.ModuleDefaults;

/** Adds {@code ufp-mining-defaults.yml} with the lowest precedence: every setting stays overridable. */
public class MiningDefaults extends ModuleDefaults {

    public MiningDefaults() {
        super("ufp-mining-defaults.yml");
    }
}
