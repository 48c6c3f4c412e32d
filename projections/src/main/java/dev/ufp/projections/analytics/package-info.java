/**
 * The analyst API ({@code /v1/analytics/*}, role {@code analyst}): love rate with Wilson intervals by model,
 * version, variant, day or cohort attribute; signal mix; worst responses; follow-up search — every query
 * filtered on the caller's tenant, every answer as JSON or CSV ({@code Accept: text/csv}).
 */
package dev.ufp.projections.analytics;
