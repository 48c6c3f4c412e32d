package dev.ufp.mining.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.mining.JsonText;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Dataset versions in the platform's database. A version is written once, in one transaction, and never changed;
 * rows are numbered {@code 1..n} per kind in the order given, so {@code (datasetId, kind, seq)} is a stable cursor.
 * Reads stream with a server-side cursor, so memory stays flat however large the version.
 */
@Component
public class DatasetStore {

    private static final int INSERT_BATCH = 1000;
    private static final int FETCH_SIZE = 2000;
    private static final String PAIR = "p";
    private static final String LABEL = "l";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper mapper;

    public DatasetStore(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.mapper = mapper;
    }

    /**
     * Stores a new version of the tenant's dataset {@code manifest.name()} and returns its manifest with id, version
     * number and creation time filled in.
     */
    public DatasetManifest save(DatasetManifest manifest, List<PreferencePair> pairs, List<UnpairedLabel> labels) {
        return save(manifest, pairs, labels, null, null);
    }

    /**
     * As {@link #save(DatasetManifest, List, List)}, remembering what the version was made from: an opaque
     * fingerprint of its source and the request (JSON) that made it, for re-mining when the source changes.
     */
    public DatasetManifest save(DatasetManifest manifest, List<PreferencePair> pairs, List<UnpairedLabel> labels,
                                String sourceFingerprint, String request) {
        return transactions.execute(status -> {
            Integer last = jdbc.queryForObject(
                    "select max(version) from dataset_version where tenant_id = ? and name = ?", Integer.class,
                    manifest.tenant(), manifest.name());
            int version = last == null ? 1 : last + 1;
            DatasetManifest saved = manifest.identified(datasetId(manifest.tenant(), manifest.name(), version),
                    version, Instant.now().truncatedTo(ChronoUnit.MILLIS));
            jdbc.update("insert into dataset_version (dataset_id, tenant_id, name, version, created_at, pair_count,"
                            + " label_count, manifest, source_fingerprint, request) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    saved.datasetId(), saved.tenant(), saved.name(), version, Timestamp.from(saved.createdAt()),
                    (long) pairs.size(), (long) labels.size(), json(saved), sourceFingerprint, request);
            insertRows(saved.datasetId(), PAIR, pairs.stream().map(p -> new Row(p.split(), p.strength(),
                    p.chosen().model(), p.rejected().model(), p.promptAt(), json(p))).toList());
            insertRows(saved.datasetId(), LABEL, labels.stream().map(l -> new Row(l.split(), l.strength(),
                    l.completion().model(), null, l.promptAt(), json(l))).toList());
            return saved;
        });
    }

    /** The tenant's dataset versions, newest first. */
    public List<DatasetManifest> list(String tenant) {
        return jdbc.query("select manifest from dataset_version where tenant_id = ? order by created_at desc, name,"
                + " version desc", (rs, n) -> read(rs.getString(1), DatasetManifest.class), tenant);
    }

    /** The version with this id, if it belongs to the tenant. */
    public Optional<DatasetManifest> manifest(String tenant, String datasetId) {
        return jdbc.query("select manifest from dataset_version where tenant_id = ? and dataset_id = ?",
                (rs, n) -> read(rs.getString(1), DatasetManifest.class), tenant, datasetId).stream().findFirst();
    }

    /** The newest version of the tenant's dataset with this name. */
    public Optional<DatasetManifest> latest(String tenant, String name) {
        return jdbc.query("select manifest from dataset_version where tenant_id = ? and name = ? order by version desc",
                (rs, n) -> read(rs.getString(1), DatasetManifest.class), tenant, name).stream().findFirst();
    }

    /** The newest version of every dataset of every tenant, with what it was made from. */
    public List<LatestVersion> latestVersions() {
        return jdbc.query("select v.tenant_id, v.name, v.dataset_id, v.source_fingerprint, v.request"
                + " from dataset_version v where v.version = (select max(w.version) from dataset_version w"
                + " where w.tenant_id = v.tenant_id and w.name = v.name) order by v.tenant_id, v.name",
                (rs, n) -> new LatestVersion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)));
    }

    /** A dataset's newest version and what it was made from (both null when saved without them). */
    public record LatestVersion(String tenant, String name, String datasetId, String sourceFingerprint,
                                String request) {
    }

    /** Streams the pairs after {@code afterSeq} that pass the filter, at most {@code limit} (0 = all). */
    public void forEachPair(String datasetId, RowFilter filter, long afterSeq, long limit,
                            Consumer<StoredRow<PreferencePair>> sink) {
        stream(datasetId, PAIR, filter, afterSeq, limit, PreferencePair.class, sink);
    }

    /** Streams the unpaired labels after {@code afterSeq} that pass the filter, at most {@code limit} (0 = all). */
    public void forEachLabel(String datasetId, RowFilter filter, long afterSeq, long limit,
                             Consumer<StoredRow<UnpairedLabel>> sink) {
        stream(datasetId, LABEL, filter, afterSeq, limit, UnpairedLabel.class, sink);
    }

    /** Ids are derived from tenant, name and version: the same on every node, never reused. */
    static String datasetId(String tenant, String name, int version) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((tenant + '\u0000' + name + '\u0000' + version)
                    .getBytes(StandardCharsets.UTF_8));
            return "ds_" + HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> void stream(String datasetId, String kind, RowFilter filter, long afterSeq, long limit, Class<T> type,
                            Consumer<StoredRow<T>> sink) {
        StringBuilder sql = new StringBuilder("select seq, body from dataset_row where dataset_id = ? and kind = ?"
                + " and seq > ?");
        List<Object> args = new ArrayList<>(List.of(datasetId, kind, afterSeq));
        if (filter.split() != null) {
            sql.append(" and split = ?");
            args.add(filter.split());
        }
        if (filter.minStrength() != null) {
            sql.append(" and strength >= ?");
            args.add(filter.minStrength());
        }
        if (filter.model() != null) {
            sql.append(" and (model_a = ? or model_b = ?)");
            args.add(filter.model());
            args.add(filter.model());
        }
        if (filter.from() != null) {
            sql.append(" and prompt_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and prompt_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        sql.append(" order by seq");
        if (limit > 0) {
            sql.append(" limit ").append(limit);
        }
        RowCallbackHandler handler = rs -> sink.accept(new StoredRow<>(rs.getLong(1), read(rs.getString(2), type)));
        // A server-side cursor (PostgreSQL needs a transaction for it): memory stays flat.
        transactions.executeWithoutResult(status -> jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            return statement;
        }, handler));
    }

    private record Row(String split, double strength, String modelA, String modelB, Instant promptAt, String body) {
    }

    private void insertRows(String datasetId, String kind, List<Row> rows) {
        for (int from = 0; from < rows.size(); from += INSERT_BATCH) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + INSERT_BATCH));
            long firstSeq = from + 1L;
            jdbc.batchUpdate("insert into dataset_row (dataset_id, kind, seq, split, strength, model_a, model_b,"
                    + " prompt_at, body) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", new BatchPreparedStatementSetter() {
                        @Override
                        public void setValues(PreparedStatement ps, int i) throws SQLException {
                            Row row = chunk.get(i);
                            ps.setString(1, datasetId);
                            ps.setString(2, kind);
                            ps.setLong(3, firstSeq + i);
                            ps.setString(4, row.split());
                            ps.setDouble(5, row.strength());
                            ps.setString(6, row.modelA());
                            ps.setString(7, row.modelB());
                            if (row.promptAt() == null) {
                                ps.setNull(8, Types.TIMESTAMP_WITH_TIMEZONE);
                            } else {
                                ps.setTimestamp(8, Timestamp.from(row.promptAt()));
                            }
                            ps.setString(9, row.body());
                        }

                        @Override
                        public int getBatchSize() {
                            return chunk.size();
                        }
                    });
        }
    }

    private String json(Object value) {
        return JsonText.write(mapper, value);
    }

    private <T> T read(String json, Class<T> type) {
        return JsonText.read(mapper, json, type);
    }

}
