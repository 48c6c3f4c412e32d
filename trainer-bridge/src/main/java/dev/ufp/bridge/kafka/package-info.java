/** {@code feedback.pairs.v1}: the pairs each new dataset version adds, for online iterative training. */
package dev.ufp.bridge.kafka;
