/**
 * Elasticsearch plumbing: the client bean, index templates with explicit mappings, versioned indices behind the
 * aliases {@code feedback-responses}, {@code feedback-signals} and {@code feedback-conversations}, and atomic alias swaps.
 */
package dev.ufp.projections.elastic;
