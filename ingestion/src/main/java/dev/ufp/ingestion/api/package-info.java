/** The HTTP API of the write side: batch ingestion and conversation history. */
package dev.ufp.ingestion.api;
