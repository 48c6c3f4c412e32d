package dev.ufp.bridge.kafka;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The pair ids of a dataset version as a sorted array of 64-bit fingerprints (first 8 bytes of SHA-256): 8 bytes a
 * pair, so a million-pair previous version costs 8 MB, not a set of strings. A fingerprint collision (odds about
 * n²/2⁶⁵, ~3·10⁻⁸ at a million pairs) would hold back one new pair from the topic; it stays in the dataset.
 */
final class PairIdSet {

    private long[] fingerprints = new long[1024];
    private int size;
    private boolean sorted;

    void add(String pairId) {
        if (size == fingerprints.length) {
            fingerprints = Arrays.copyOf(fingerprints, size * 2);
        }
        fingerprints[size++] = fingerprint(pairId);
        sorted = false;
    }

    boolean contains(String pairId) {
        if (!sorted) {
            Arrays.sort(fingerprints, 0, size);
            sorted = true;
        }
        return Arrays.binarySearch(fingerprints, 0, size, fingerprint(pairId)) >= 0;
    }

    int size() {
        return size;
    }

    private static long fingerprint(String pairId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(pairId.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
