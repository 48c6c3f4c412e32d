package dev.ufp.bridge.stream;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opaque resume token of a stream: base64url of {@code v1:<kind>:<seq>:<part>}, the position of the last
 * row a client fully received. Resuming returns exactly the rows after it (same filters and format).
 */
public final class Cursor {

    private static final Pattern DECODED = Pattern.compile("v1:([pl]):([0-9]{1,18}):([0-2])");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Cursor() {
    }

    public static String encode(Position position) {
        return ENCODER.encodeToString(("v1:" + position.kind() + ':' + position.seq() + ':' + position.part())
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** The position a token names, or null if it is not a token this server issued. */
    public static Position decode(String token) {
        try {
            Matcher m = DECODED.matcher(new String(DECODER.decode(token), StandardCharsets.US_ASCII));
            return m.matches() ? new Position(m.group(1).charAt(0), Long.parseLong(m.group(2)),
                    Integer.parseInt(m.group(3))) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
