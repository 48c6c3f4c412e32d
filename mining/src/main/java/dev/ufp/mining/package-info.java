/**
 * Mining: preference pairs and unpaired labels from the projected signals, curated into immutable dataset
 * versions ({@code dataset}, public to trainer-bridge), and the P[Love] reward model ({@code reward}).
 */
package dev.ufp.mining;
