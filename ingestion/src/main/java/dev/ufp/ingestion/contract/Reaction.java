package dev.ufp.ingestion.contract;

/** Reaction kinds a chat product can report. */
public enum Reaction {
    LOVE, THUMBS_UP, THUMBS_DOWN, LAUGH, SAD, ANGRY, OTHER
}
