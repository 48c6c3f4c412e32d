package dev.ufp.ingestion.tenancy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Issues, resolves and revokes API keys. Keys look like {@code ufp_<keyId>_<secret>}. */
@Service
class ApiKeys {

    static final String BOOTSTRAP_KEY_ID = "bootstrap-admin";

    private final ApiKeyRepository repository;
    private final TenantSecrets tenantSecrets;
    private final byte[] bootstrapAdminKeyHash;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    ApiKeys(ApiKeyRepository repository, TenantSecrets tenantSecrets,
            @Value("${feedback.admin-key:}") String bootstrapAdminKey) {
        this.repository = repository;
        this.tenantSecrets = tenantSecrets;
        this.bootstrapAdminKeyHash = bootstrapAdminKey.isBlank() ? null : sha256(bootstrapAdminKey);
    }

    record IssuedKey(String keyId, String key, String tenant, Set<Role> roles) {
    }

    @Transactional
    IssuedKey issue(String tenant, Set<Role> roles) {
        tenantSecrets.ensureTenant(tenant);
        String keyId = HexFormat.of().formatHex(randomBytes(6));
        String key = "ufp_" + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        repository.insert(new StoredKey(keyId, tenant, roles, clock.instant(), null), hex(sha256(key)));
        return new IssuedKey(keyId, key, tenant, roles);
    }

    Optional<Caller> resolve(String presentedKey) {
        byte[] hash = sha256(presentedKey);
        if (bootstrapAdminKeyHash != null && MessageDigest.isEqual(hash, bootstrapAdminKeyHash)) {
            return Optional.of(new Caller(BOOTSTRAP_KEY_ID, Tenants.PLATFORM, Set.of(Role.ADMIN), true));
        }
        return repository.findActiveByHash(hex(hash))
                .map(k -> new Caller(k.keyId(), k.tenant(), k.roles(), false));
    }

    Optional<StoredKey> find(String keyId) {
        return repository.find(keyId);
    }

    List<StoredKey> list(String tenant) {
        return repository.listByTenant(tenant);
    }

    boolean revoke(String keyId) {
        return repository.revoke(keyId, clock.instant());
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
