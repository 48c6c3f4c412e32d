package dev.ufp.ingestion.tenancy;

import java.util.regex.Pattern;

/** Tenant id rules: lower-case letters, digits, '-' and '_', at most 64 characters, no ':'. */
public final class Tenants {
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    public static final String PLATFORM = "_platform";

    private Tenants() {
    }

    public static boolean valid(String tenant) {
        return tenant != null && ID.matcher(tenant).matches();
    }
}
