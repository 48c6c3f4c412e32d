/**
 * Rebuild without downtime: replay the whole event store into a fresh generation of indices while readers
 * keep using the old one, pause the live processor briefly to catch up, swap the aliases atomically, then drop
 * the old indices. Progress (events/s, ETA) in the log and at {@code GET /v1/admin/projections/rebuild}.
 */
package dev.ufp.projections.rebuild;
