package dev.ufp.projections.analytics;

import dev.ufp.ingestion.tenancy.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Set;

/** {@code /v1/analytics/*}: role {@code analyst}, always the caller's own tenant; JSON, or CSV with {@code Accept: text/csv}. */
@RestController
@RequestMapping("/v1/analytics")
class AnalyticsController {

    private static final int MAX_LIMIT = 1000;
    private static final Set<String> FOLLOW_UP_KINDS = Set.of("positive", "negative", "neutral", "rephrase");

    private final AnalyticsQueries queries;

    AnalyticsController(AnalyticsQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/love-rate")
    ResponseEntity<?> loveRate(Caller caller, @RequestParam(defaultValue = "model") String groupBy,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
            throws IOException {
        String field = AnalyticsParameters.groupField(groupBy);
        return queries.loveRate(caller.tenant(), groupBy, field, AnalyticsParameters.instant("from", from),
                AnalyticsParameters.instant("to", to)).render(accept);
    }

    @GetMapping("/signal-mix")
    ResponseEntity<?> signalMix(Caller caller, @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to,
                                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
            throws IOException {
        return queries.signalMix(caller.tenant(), AnalyticsParameters.instant("from", from),
                AnalyticsParameters.instant("to", to)).render(accept);
    }

    @GetMapping("/worst-responses")
    ResponseEntity<?> worstResponses(Caller caller, @RequestParam(defaultValue = "20") int limit,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
            throws IOException {
        return queries.worstResponses(caller.tenant(), AnalyticsParameters.instant("from", from),
                AnalyticsParameters.instant("to", to), AnalyticsParameters.limit(limit, MAX_LIMIT)).render(accept);
    }

    @GetMapping("/follow-ups")
    ResponseEntity<?> followUps(Caller caller, @RequestParam(required = false) String q,
                                @RequestParam(required = false) String kind,
                                @RequestParam(defaultValue = "20") int limit,
                                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
            throws IOException {
        return queries.followUps(caller.tenant(), AnalyticsParameters.required("q", q),
                AnalyticsParameters.oneOf("kind", kind, FOLLOW_UP_KINDS),
                AnalyticsParameters.limit(limit, MAX_LIMIT)).render(accept);
    }
}
