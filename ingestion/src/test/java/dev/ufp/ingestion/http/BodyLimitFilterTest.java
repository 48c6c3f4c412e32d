package dev.ufp.ingestion.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.ingestion.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** One limit per path; a declared length over it is refused unread, a chunked body stops at the limit. */
class BodyLimitFilterTest {

    private final BodyLimits limits = new BodyLimits(DataSize.ofBytes(100), Map.of(
            "/v1/events", DataSize.ofBytes(1000), "/v1/reward/**", DataSize.ofBytes(500),
            "/v1/reward/score", DataSize.ofBytes(2000)));
    private final BodyLimitFilter filter = new BodyLimitFilter(limits, new ObjectMapper());

    @Test
    void theMostSpecificPatternDecides() {
        assertThat(limits.forPath("/v1/events")).isEqualTo(1000);
        assertThat(limits.forPath("/v1/reward/score")).isEqualTo(2000);
        assertThat(limits.forPath("/v1/reward/models")).isEqualTo(500);
        assertThat(limits.forPath("/v1/mining/jobs")).isEqualTo(100);
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413BeforeAnythingIsRead() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/mining/jobs");
        request.setContent(new byte[101]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicLong reached = new AtomicLong();
        filter.doFilter(request, response, (req, res) -> reached.incrementAndGet());
        assertThat(reached).hasValue(0);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"limit\":\"at most 100 bytes\"", "\"field\":\"body\"");
    }

    @Test
    void aChunkedBodyIsReadNoFurtherThanTheLimit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/reward/models") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContent(new byte[10_000]);
        AtomicLong read = new AtomicLong();
        ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> filter.doFilter(request,
                new MockHttpServletResponse(), (req, res) -> {
                    InputStream in = ((HttpServletRequest) req).getInputStream();
                    byte[] buffer = new byte[8192];
                    int n;
                    while ((n = in.read(buffer)) != -1) {
                        read.addAndGet(n);
                    }
                }));
        assertThat(problem.status().value()).isEqualTo(413);
        assertThat(problem.getMessage()).isEqualTo("the body exceeds 500 bytes");
        assertThat(read.get()).as("bytes handed to the reader").isLessThanOrEqualTo(500);
    }

    @Test
    void aBodyWithinTheLimitPassesWhole() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/events");
        request.setContent(new byte[1000]);
        AtomicLong read = new AtomicLong();
        filter.doFilter(request, new MockHttpServletResponse(),
                (req, res) -> read.set(((HttpServletRequest) req).getInputStream().readAllBytes().length));
        assertThat(read).hasValue(1000);
    }
}
