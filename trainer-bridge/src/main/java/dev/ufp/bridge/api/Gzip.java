package dev.ufp.bridge.api;

import java.util.Locale;

/** Whether an {@code Accept-Encoding} header admits gzip (an explicit {@code q=0} refuses it). */
final class Gzip {

    private Gzip() {
    }

    static boolean accepted(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] pieces = part.trim().split(";");
            String coding = pieces[0].trim();
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                for (int i = 1; i < pieces.length; i++) {
                    String parameter = pieces[i].replace(" ", "");
                    if (parameter.matches("q=0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
