package dev.ufp.ingestion.contract;

/** Field limits of the contract, named so that every rejection can quote them. */
public final class Limits {
    public static final int ID_MAX = 128;
    public static final int USER_ID_MAX = 256;
    public static final int SHORT_TEXT_MAX = 128;
    public static final int TEXT_MAX = 100_000;
    public static final int ATTRIBUTES_MAX = 32;
    public static final int ATTRIBUTE_VALUE_MAX = 256;

    private Limits() {
    }
}
