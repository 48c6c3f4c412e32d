package dev.ufp.bridge.stream;

import dev.ufp.bridge.format.PairLayout;
import dev.ufp.bridge.format.UnpairedLayout;
import dev.ufp.mining.dataset.DatasetStore;
import dev.ufp.mining.dataset.PreferencePair;
import dev.ufp.mining.dataset.RowFilter;
import dev.ufp.mining.dataset.StoredRow;
import dev.ufp.mining.dataset.UnpairedLabel;

/** One kind of dataset row turned into lines: pairs, labels, or pairs split into two KTO lines. */
sealed interface LineSource {

    /** The kind of dataset row read: labels, or pairs (whole or as KTO halves). */
    default char kind() {
        return this instanceof Labels ? Position.LABEL : Position.PAIR;
    }

    /** Emits the lines after {@code after} (null: from the first row of this kind). */
    void read(DatasetStore store, String datasetId, RowFilter filter, Position after, Emitter out);

    /** One line per pair. */
    record Pairs(PairLayout layout) implements LineSource {
        @Override
        public void read(DatasetStore store, String datasetId, RowFilter filter, Position after, Emitter out) {
            store.forEachPair(datasetId, filter, after == null ? 0 : after.seq(), out.wanted(), row -> {
                PreferencePair pair = row.row();
                out.line(new Position(Position.PAIR, row.seq(), 0), "pair_id", pair.pairId(), pair.strength(),
                        g -> layout.fields(g, pair));
            });
        }
    }

    /** One line per unpaired label. */
    record Labels(UnpairedLayout layout) implements LineSource {
        @Override
        public void read(DatasetStore store, String datasetId, RowFilter filter, Position after, Emitter out) {
            long afterSeq = after == null ? 0 : after.seq();
            store.forEachLabel(datasetId, filter, afterSeq, out.wanted(), (StoredRow<UnpairedLabel> row) -> out.line(
                    new Position(Position.LABEL, row.seq(), 0), "label_id", row.row().labelId(),
                    row.row().strength(), g -> layout.label(g, row.row())));
        }
    }

    /** Two KTO lines per pair: part 1 the chosen side (label true), part 2 the rejected side (label false). */
    record PairHalves(UnpairedLayout layout) implements LineSource {
        @Override
        public void read(DatasetStore store, String datasetId, RowFilter filter, Position after, Emitter out) {
            // a cursor after a chosen half re-reads that pair and skips the half already sent
            long afterSeq = after == null ? 0 : after.part() == 1 ? after.seq() - 1 : after.seq();
            long wanted = out.wanted() == 0 ? 0 : (out.wanted() + 2) / 2;
            store.forEachPair(datasetId, filter, afterSeq, wanted, (StoredRow<PreferencePair> row) -> {
                for (int part = 1; part <= 2; part++) {
                    Position position = new Position(Position.PAIR, row.seq(), part);
                    if (after == null || !position.notAfter(after)) {
                        boolean chosen = part == 1;
                        out.line(position, "pair_id", row.row().pairId(), row.row().strength(),
                                g -> layout.pairSide(g, row.row(), chosen));
                    }
                }
            });
        }
    }
}
