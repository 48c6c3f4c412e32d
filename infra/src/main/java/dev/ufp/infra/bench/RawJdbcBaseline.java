package dev.ufp.infra.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline: the same events as rows shaped like Axon's (payload = the same JSON bytes, metadata of the same
 * keys, aggregate key, sequence number, payload type and revision, a UUID, a timestamp, a pre-allocated global
 * index), inserted with plain JDBC batches of {@value #ROWS_PER_TRANSACTION} rows per transaction into a table
 * identical to {@code domain_event_entry}, by as many threads as the HTTP driver uses.
 */
final class RawJdbcBaseline {

    static final int ROWS_PER_TRANSACTION = 500;
    private static final String INSERT = "insert into " + BenchDatabase.RAW_TABLE + " (global_index, "
            + "sequence_number, meta_data, payload, aggregate_identifier, event_identifier, payload_revision, "
            + "payload_type, time_stamp, type) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final BenchDatabase database;
    private final String tenant;
    private final String keyId;
    private final AtomicLong globalIndex = new AtomicLong(1);

    RawJdbcBaseline(BenchDatabase database, String tenant, String keyId) {
        this.database = database;
        this.tenant = tenant;
        this.keyId = keyId;
    }

    /**
     * Inserts the workload; the connections stay open until {@code afterwards} ran, so that their server
     * processes are still there to be measured.
     */
    Progress run(Workload workload, Runnable afterwards) throws Exception {
        Progress progress = new Progress();
        ExecutorService threads = Executors.newFixedThreadPool(workload.threads());
        List<Connection> connections = new ArrayList<>();
        try {
            for (int t = 0; t < workload.threads(); t++) {
                connections.add(database.connect());
            }
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < workload.threads(); t++) {
                List<BenchEvent> stream = workload.stream(t);
                Connection connection = connections.get(t);
                running.add(threads.submit(() -> {
                    insertAll(connection, stream, progress);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            afterwards.run();
        } finally {
            threads.shutdownNow();
            for (Connection c : connections) {
                c.close();
            }
        }
        return progress;
    }

    private void insertAll(Connection c, List<BenchEvent> stream, Progress progress) throws Exception {
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            c.setAutoCommit(false);
            for (int from = 0; from < stream.size(); from += ROWS_PER_TRANSACTION) {
                List<BenchEvent> rows = stream.subList(from, Math.min(stream.size(), from + ROWS_PER_TRANSACTION));
                long index = globalIndex.getAndAdd(rows.size());
                for (BenchEvent e : rows) {
                    insert.setLong(1, index++);
                    insert.setLong(2, e.sequence());
                    insert.setBytes(3, metadata());
                    insert.setBytes(4, e.json());
                    insert.setString(5, tenant + ":" + e.conversationId());
                    insert.setString(6, UUID.randomUUID().toString());
                    insert.setString(7, "1");
                    insert.setString(8, "dev.ufp.ingestion.contract." + e.type());
                    insert.setString(9, Instant.now().toString());
                    insert.setString(10, "Conversation");
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
                progress.completed(rows.size());
            }
        }
    }

    /** The keys Axon stores with each event here: trace and correlation ids of the command, plus the intake's. */
    private byte[] metadata() {
        String command = UUID.randomUUID().toString();
        return ("{\"traceId\":\"" + command + "\",\"correlationId\":\"" + command + "\",\"tenant\":\"" + tenant
                + "\",\"channel\":\"http\",\"keyId\":\"" + keyId + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
