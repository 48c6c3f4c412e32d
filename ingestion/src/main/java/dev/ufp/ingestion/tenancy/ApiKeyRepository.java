package dev.ufp.ingestion.tenancy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** API keys, stored as SHA-256 hashes; the secret is shown once, at creation. */
@Repository
class ApiKeyRepository {

    private final JdbcTemplate jdbc;

    ApiKeyRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredKey key, String secretHash) {
        jdbc.update("insert into api_key (key_id, tenant_id, key_hash, roles, created_at) values (?, ?, ?, ?, ?)",
                key.keyId(), key.tenant(), secretHash, encode(key.roles()), Timestamp.from(key.createdAt()));
    }

    Optional<StoredKey> findActiveByHash(String secretHash) {
        return jdbc.query("select key_id, tenant_id, roles, created_at, revoked_at from api_key "
                        + "where key_hash = ? and revoked_at is null",
                (rs, row) -> map(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4),
                        rs.getTimestamp(5)), secretHash).stream().findFirst();
    }

    Optional<StoredKey> find(String keyId) {
        return jdbc.query("select key_id, tenant_id, roles, created_at, revoked_at from api_key where key_id = ?",
                (rs, row) -> map(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4),
                        rs.getTimestamp(5)), keyId).stream().findFirst();
    }

    List<StoredKey> listByTenant(String tenant) {
        return jdbc.query("select key_id, tenant_id, roles, created_at, revoked_at from api_key "
                        + "where tenant_id = ? order by created_at",
                (rs, row) -> map(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4),
                        rs.getTimestamp(5)), tenant);
    }

    boolean revoke(String keyId, Instant at) {
        return jdbc.update("update api_key set revoked_at = ? where key_id = ? and revoked_at is null",
                Timestamp.from(at), keyId) == 1;
    }

    private static StoredKey map(String keyId, String tenant, String roles, Timestamp created, Timestamp revoked) {
        return new StoredKey(keyId, tenant, decode(roles), created.toInstant(),
                revoked == null ? null : revoked.toInstant());
    }

    private static String encode(Set<Role> roles) {
        return roles.stream().map(Role::wireName).sorted().collect(Collectors.joining(","));
    }

    private static Set<Role> decode(String roles) {
        Set<Role> result = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).filter(s -> !s.isBlank()).map(Role::fromWire).forEach(result::add);
        return result;
    }
}
