package dev.ufp.mining.dataset;

/**
 * Published (as a Spring application event) after a dataset version is saved.
 *
 * @param previousDatasetId the tenant's previous version of the same name, or null for the first
 */
public record DatasetPublished(DatasetManifest manifest, String previousDatasetId) {
}
