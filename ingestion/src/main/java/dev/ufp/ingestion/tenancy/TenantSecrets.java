package dev.ufp.ingestion.tenancy;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's random pseudonymisation key. It lives only in the {@code tenant} table, never in an event:
 * deleting it makes that tenant's pseudonyms unlinkable to people (crypto-shredding).
 */
@Component
class TenantSecrets {

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    TenantSecrets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    byte[] pseudonymKey(String tenant) {
        return cache.computeIfAbsent(tenant, this::loadOrCreate);
    }

    void ensureTenant(String tenant) {
        pseudonymKey(tenant);
    }

    private byte[] loadOrCreate(String tenant) {
        return load(tenant).orElseGet(() -> {
            byte[] key = new byte[32];
            random.nextBytes(key);
            try {
                jdbc.update("insert into tenant (tenant_id, pseudonym_key, created_at) values (?, ?, ?)",
                        tenant, key, Timestamp.from(Instant.now()));
                return key;
            } catch (DuplicateKeyException raced) {
                return load(tenant).orElseThrow(() -> raced);
            }
        });
    }

    private java.util.Optional<byte[]> load(String tenant) {
        return jdbc.query("select pseudonym_key from tenant where tenant_id = ?",
                (rs, row) -> rs.getBytes(1), tenant).stream().findFirst();
    }
}
