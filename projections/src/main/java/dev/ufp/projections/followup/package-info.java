/**
 * Follow-up classification in the spirit of Follow-up Likelihood as Reward: what the user's next utterance
 * says about the response before it.
 */
package dev.ufp.projections.followup;
