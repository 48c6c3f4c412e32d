package dev.ufp.mining.pairs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** Stable text normalisation and SHA-256 helpers for keys and ids. */
public final class Hashes {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Hashes() {
    }

    /** Lower case, whitespace collapsed, trimmed: what "the same prompt" means. */
    public static String normalise(String text) {
        return text == null ? "" : WHITESPACE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first {@code bytes} bytes of SHA-256 of the parts joined by NUL, in hex. */
    public static String hex(int bytes, String... parts) {
        return HexFormat.of().formatHex(sha256(String.join("\u0000", parts)), 0, bytes);
    }
}
