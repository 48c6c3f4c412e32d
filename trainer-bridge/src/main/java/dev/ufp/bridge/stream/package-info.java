/**
 * The JSONL stream of a dataset version: rows in {@code seq} order, resumable at any row by an opaque cursor,
 * checksummed (SHA-256 of the exact bytes) as it is written.
 */
package dev.ufp.bridge.stream;
