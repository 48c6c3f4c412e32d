package dev.ufp.mining.reward;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Train/held-out by a hash of the prompt (trimmed, lower-cased): the same prompt always falls on the same side, on
 * every run and node, so no held-out prompt was seen in training under another response.
 */
public final class HeldOutSplit {

    private HeldOutSplit() {
    }

    public static boolean heldOut(String prompt, double fraction) {
        return position(prompt) < fraction;
    }

    /** The prompt's place in [0, 1). */
    static double position(String prompt) {
        try {
            String key = prompt == null ? "" : prompt.trim().toLowerCase(Locale.ROOT);
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 7; i++) {
                bits = (bits << 8) | (d[i] & 0xff);
            }
            return bits / (double) (1L << 56);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
