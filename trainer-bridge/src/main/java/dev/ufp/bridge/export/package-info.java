/** Checksummed snapshot exports of dataset versions to a directory under {@code feedback.bridge.export-dir}. */
package dev.ufp.bridge.export;
