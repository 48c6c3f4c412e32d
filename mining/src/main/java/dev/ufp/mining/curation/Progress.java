package dev.ufp.mining.curation;

/** Where a long step reports how far it got: a named phase with a known total, then increments. */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void phase(String name, long total) {
        }

        @Override
        public void advance(long items) {
        }
    };

    void phase(String name, long total);

    void advance(long items);
}
