package dev.ufp.ingestion;

/** Adds {@code ufp-ingestion-defaults.yml} with the lowest precedence: every setting stays overridable. */
public class IngestionDefaults extends ModuleDefaults {

    public IngestionDefaults() {
        super("ufp-ingestion-defaults.yml");
    }
}
