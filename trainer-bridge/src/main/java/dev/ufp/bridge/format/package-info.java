/** Row layouts of the JSONL formats (TRL, TRL conversational, KTO, OpenRLHF, RLHFlow), written with Jackson's streaming API. */
package dev.ufp.bridge.format;
