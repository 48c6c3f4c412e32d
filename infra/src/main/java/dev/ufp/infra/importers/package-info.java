/**
 * Importers of real feedback data into the platform's event contract, with the data set's own ground truth:
 * OpenAssistant message trees (flat or nested) and ConvAI2 rated dialogs.
 */
package dev.ufp.infra.importers;
