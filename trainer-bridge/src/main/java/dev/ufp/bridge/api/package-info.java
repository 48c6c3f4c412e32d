/** The trainer HTTP API: {@code /v1/datasets}, streams, checksums and exports (role {@code trainer}). */
package dev.ufp.bridge.api;
