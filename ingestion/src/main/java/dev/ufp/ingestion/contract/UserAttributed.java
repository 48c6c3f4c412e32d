package dev.ufp.ingestion.contract;

/** An event that names an end user; the platform replaces the raw id with a pseudonym before storing it. */
public interface UserAttributed {

    String userId();

    FeedbackEvent withUserId(String pseudonym);
}
