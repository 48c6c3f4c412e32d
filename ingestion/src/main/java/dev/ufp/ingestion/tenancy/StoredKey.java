package dev.ufp.ingestion.tenancy;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Set;

/** What the platform keeps about a key: never its secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StoredKey(String keyId, String tenant, Set<Role> roles, Instant createdAt, Instant revokedAt) {
}
