package dev.ufp.mining.curation;

/** Where a long step reports how far it got: a named phase with a known total, then increments. */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void phase(String name, long total, String unit) {
        }

        @Override
        public void advance(long items) {
        }
    };

    /** @param unit what the phase counts, e.g. {@code responses}, {@code pairs}, {@code texts} */
    void phase(String name, long total, String unit);

    void advance(long items);
}
