/** Talking to the platform as a product backend would: the HTTP client, event builders, a batch sender. */
package dev.ufp.infra.client;
