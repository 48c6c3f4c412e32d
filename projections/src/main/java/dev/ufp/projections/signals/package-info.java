/**
 * Signal detectors: small versioned classes that turn one event (and the response's state) into derived
 * signals on a {@link dev.ufp.projections.model.ResponseDocument}, and the score that sums them. Pure Java, no I/O.
 */
package dev.ufp.projections.signals;
