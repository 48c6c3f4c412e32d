/**
 * Launchers for the real services the platform runs on — a single-node KRaft Kafka broker and an Elasticsearch
 * node — started as child processes from artifacts Maven lays out under {@code infra/launchers/target}.
 */
package dev.ufp.launchers;
