/**
 * The read-model documents, computed in Java: one per assistant response, per derived signal and per
 * conversation. Each carries the state needed to apply the next event, so that projecting survives restarts and
 * replays without another store, and re-applying events gives identical documents.
 */
package dev.ufp.projections.model;
