/**
 * Immutable, versioned preference datasets (public to trainer-bridge): {@link dev.ufp.mining.dataset.PreferencePair}s
 * and KTO-style {@link dev.ufp.mining.dataset.UnpairedLabel}s, each dataset version with a
 * {@link dev.ufp.mining.dataset.DatasetManifest}, stored by {@link dev.ufp.mining.dataset.DatasetStore} and read back
 * in a stable order ({@code seq}) that a resumable cursor can point into.
 */
package dev.ufp.mining.dataset;
