/** RFC 9457 problem details: every client error names the field, the value and the limit. */
package dev.ufp.ingestion.problem;
