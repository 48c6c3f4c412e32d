/** Limits every request body before it is parsed: one filter, a default size and a size per path (413 problems). */
package dev.ufp.ingestion.http;
