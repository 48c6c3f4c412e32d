/**
 * The write side. Public to other modules: {@code contract}, {@code intake} (IngestService), {@code tenancy}
 * (Caller, Role) and {@code problem}; everything else is internal.
 */
package dev.ufp.ingestion;
