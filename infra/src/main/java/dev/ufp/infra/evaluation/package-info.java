/** Evaluation on real data: import, project, and measure what the platform stored against the data's own truth. */
package dev.ufp.infra.evaluation;
