package dev.ufp.projections.signals;

import dev.ufp.projections.followup.LexicalFollowUpClassifier;
import dev.ufp.ingestion.contract.FeedbackEvent;
import dev.ufp.projections.followup.FollowUpClassifier;
import dev.ufp.projections.model.ConversationDocument;
import dev.ufp.projections.model.ResponseDocument;
import dev.ufp.projections.model.SignalDocument;
import dev.ufp.projections.projector.Events;
import dev.ufp.projections.projector.InMemoryDocuments;
import dev.ufp.projections.projector.Projector;

import java.util.List;

/** A projector over in-memory documents for tenant {@code acme}, with the default signal strengths. */
final class Fixture {

    static final String TENANT = "acme";
    final InMemoryDocuments documents = new InMemoryDocuments();
    final Projector projector;

    Fixture() {
        this(new LexicalFollowUpClassifier(), SignalProperties.defaults());
    }

    Fixture(FollowUpClassifier classifier, SignalProperties properties) {
        projector = new Projector(properties, classifier);
    }

    Fixture given(FeedbackEvent... events) {
        for (FeedbackEvent event : events) {
            projector.apply(TENANT, event, documents);
        }
        return this;
    }

    ResponseDocument response(String responseId) {
        return documents.response(TENANT, Events.C, responseId);
    }

    ConversationDocument conversation() {
        return documents.conversation(TENANT, Events.C);
    }

    List<SignalDocument> signals(String responseId, String kind) {
        return response(responseId).signals.stream().filter(s -> s.kind.equals(kind)).toList();
    }

    List<SignalDocument> activeSignals(String responseId, String kind) {
        return signals(responseId, kind).stream().filter(s -> s.active).toList();
    }
}
