/** What runs the platform: the all-in-one application, the demo workload and the benchmark harnesses. */
package dev.ufp.infra;
