/**
 * The read side: streaming processors that derive implicit-feedback signals from the event history into
 * Elasticsearch, index rebuilds by replay, and the analyst API.
 */
package dev.ufp.projections;
