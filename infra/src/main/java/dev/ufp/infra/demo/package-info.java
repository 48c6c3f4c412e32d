/** The demo workload behind {@code infra/bin/platform demo}: sample conversations posted through the real API. */
package dev.ufp.infra.demo;
