package dev.ufp.projections.projector;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;

import java.io.IOException;

/**
 * Which projection failures heal by retrying the batch (Elasticsearch unreachable, overloaded, failing, or a
 * concurrent writer) and which never will (Elasticsearch refused a document: mapping, size, id — any other 4xx —
 * or the projector itself cannot apply the event): those go to the dead-letter queue.
 */
public final class ProjectionFailures {

    private ProjectionFailures() {
    }

    public static boolean retryable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ProjectionBatch.ProjectionWriteException write) {
                return write.retryable();
            }
            if (t instanceof ElasticsearchException refused) {
                return retryableStatus(refused.status());
            }
            if (t instanceof IOException || t instanceof TransportException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** 409 (a concurrent writer changed the document), 429 and 5xx heal; any other 4xx is final. */
    static boolean retryableStatus(int status) {
        return status == 409 || status == 429 || status >= 500;
    }
}
