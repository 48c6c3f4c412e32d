package dev.ufp.ingestion.tenancy;

import org.springframework.stereotype.Component;

import java.util.Optional;

/** Resolves a presented API key to its {@link Caller}, for channels other than HTTP (e.g. Kafka headers). */
@Component
public class KeyAuthenticator {

    private final ApiKeys apiKeys;

    KeyAuthenticator(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    /** Empty when the key is unknown or revoked. Never cached: a revocation takes effect at once. */
    public Optional<Caller> resolve(String presentedKey) {
        return apiKeys.resolve(presentedKey);
    }
}
