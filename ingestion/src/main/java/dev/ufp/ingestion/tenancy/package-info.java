/**
 * Tenants, API keys with roles, the {@link dev.ufp.ingestion.tenancy.Caller} every request is made by, and
 * the per-tenant keyed pseudonymisation of user ids.
 */
package dev.ufp.ingestion.tenancy;
