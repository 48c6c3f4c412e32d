package dev.ufp.ingestion.contract;

/** An event about one assistant response of the same conversation. */
public interface ResponseTargeted {

    String responseId();
}
