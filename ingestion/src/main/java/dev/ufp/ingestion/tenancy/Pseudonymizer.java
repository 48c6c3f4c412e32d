package dev.ufp.ingestion.tenancy;

import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

/** Replaces raw user ids by {@code u_} + a 128-bit HMAC-SHA256 under the tenant's own key. */
@Component
public class Pseudonymizer {

    /** Every pseudonym's length: {@code u_} + 22 base64url characters (ASCII, so also its UTF-8 bytes). */
    public static final int LENGTH = 24;
    private static final String ALGORITHM = "HmacSHA256";

    private final TenantSecrets secrets;

    Pseudonymizer(TenantSecrets secrets) {
        this.secrets = secrets;
    }

    public String pseudonymize(String tenant, String rawUserId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secrets.pseudonymKey(tenant), ALGORITHM));
            byte[] digest = mac.doFinal(rawUserId.getBytes(StandardCharsets.UTF_8));
            return "u_" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
