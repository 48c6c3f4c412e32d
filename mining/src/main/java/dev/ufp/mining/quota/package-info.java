/** How many background jobs may wait, and how many one tenant may have queued or running. */
package dev.ufp.mining.quota;
