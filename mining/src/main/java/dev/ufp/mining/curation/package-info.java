/**
 * Curation: the ordered steps a mined set passes through before it becomes a dataset version — minimum margin,
 * near-duplicate removal, per-user and per-conversation caps, the length-bias guard, the ensemble noise filter and
 * decontamination. Each step is a small versioned {@link dev.ufp.mining.curation.CurationStep} whose counts go
 * into the manifest.
 */
package dev.ufp.mining.curation;
