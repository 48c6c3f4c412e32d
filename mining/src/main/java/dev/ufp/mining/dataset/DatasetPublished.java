package dev.ufp.mining.dataset;

/**
 * A Spring application event: a dataset version was saved. Published by the miner after
 * {@link DatasetStore#save} committed; trainer-bridge streams the version's new pairs to Kafka.
 *
 * @param manifest          the saved version (id, tenant, name, version filled in)
 * @param previousDatasetId the tenant's previous version of the same name, or null for the first version
 */
public record DatasetPublished(DatasetManifest manifest, String previousDatasetId) {
}
