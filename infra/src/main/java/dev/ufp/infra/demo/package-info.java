/** The demo behind {@code infra/bin/platform demo}: simulated traffic with a ground truth, posted through the real API. */
package dev.ufp.infra.demo;
