/**
 * The public event contract: one immutable record per interaction type, read by every other module.
 * Every record carries {@code @Revision}; a change to a record comes with an upcaster and a JSON fixture test.
 */
package dev.ufp.ingestion.contract;
