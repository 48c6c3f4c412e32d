package dev.ufp.itsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh database on the machine's real PostgreSQL (127.0.0.1:5432 unless FEEDBACK_PG_HOST/PORT say otherwise),
 * created per test class and dropped afterwards.
 */
public final class PostgresDatabase implements AutoCloseable {

    private static final String HOST = env("FEEDBACK_PG_HOST", "127.0.0.1");
    private static final String PORT = env("FEEDBACK_PG_PORT", "5432");
    private static final String USER = env("FEEDBACK_PG_USER", "postgres");

    private final String name;

    private PostgresDatabase(String name) {
        this.name = name;
    }

    public static PostgresDatabase create(String name) {
        PostgresDatabase database = new PostgresDatabase(name);
        database.admin("drop database if exists " + name + " with (force)");
        database.admin("create database " + name);
        return database;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name + "?reWriteBatchedInserts=true";
    }

    public String user() {
        return USER;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    public long count(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        admin("drop database if exists " + name + " with (force)");
    }

    private void admin(String sql) {
        String url = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
        try (Connection c = DriverManager.getConnection(url, USER, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " refused '" + sql + "': is it running? "
                    + "(pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
