package dev.ufp.infra.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The throw-away PostgreSQL database of one benchmark run (created fresh, dropped at the end even on failure),
 * at the host, port and user the platform's postgres profile reads from the same environment variables.
 */
final class BenchDatabase implements AutoCloseable {

    static final String RAW_TABLE = "bench_raw_event_entry";

    private final String name;
    private final String host = env("FEEDBACK_PG_HOST", "127.0.0.1");
    private final String port = env("FEEDBACK_PG_PORT", "5432");
    private final String user = env("FEEDBACK_PG_USER", "postgres");
    private final String password = env("FEEDBACK_PG_PASSWORD", "");
    private boolean created;

    BenchDatabase(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    void create() throws SQLException {
        try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + name + " with (force)");
            sql.execute("create database " + name);
            created = true;
        }
    }

    /** Same name, batching flag and driver as the platform's datasource URL. */
    Connection connect() throws SQLException {
        return connect(name);
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database
                + "?reWriteBatchedInserts=true", user, password);
    }

    /** A table identical to Axon's {@code domain_event_entry}: columns, primary key and unique indexes. */
    void createRawTable() throws SQLException {
        try (Connection c = connect(); Statement sql = c.createStatement()) {
            sql.execute("create table " + RAW_TABLE + " (like domain_event_entry including all)");
        }
    }

    long count(String table) throws SQLException {
        try (Connection c = connect(); Statement sql = c.createStatement();
             ResultSet rows = sql.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Average stored payload and metadata bytes of a table, to show both rows have the same shape. */
    long[] averageRowBytes(String table) throws SQLException {
        try (Connection c = connect(); Statement sql = c.createStatement();
             ResultSet rows = sql.executeQuery("select coalesce(avg(octet_length(payload)), 0), "
                     + "coalesce(avg(octet_length(meta_data)), 0) from " + table)) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2)};
        }
    }

    void checkpoint() throws SQLException {
        try (Connection c = connect(); Statement sql = c.createStatement()) {
            sql.execute("checkpoint");
        }
    }

    @Override
    public void close() throws SQLException {
        if (created) {
            try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
                sql.execute("drop database if exists " + name + " with (force)");
                created = false;
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
