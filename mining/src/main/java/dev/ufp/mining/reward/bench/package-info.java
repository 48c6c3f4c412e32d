/** Throughput benchmarks of the reward model's feature pipeline and trainer against bare baselines. */
package dev.ufp.mining.reward.bench;
