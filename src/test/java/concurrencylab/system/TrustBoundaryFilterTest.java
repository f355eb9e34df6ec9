package concurrencylab.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The trust boundary's rules on their own: names, origins, who is a caller on this machine, when a token is asked. */
class TrustBoundaryFilterTest {

    private static final TrustProperties NONE = new TrustProperties("", List.of(), List.of());

    @Test
    void theHostPartOfAHostHeader() {
        assertThat(TrustBoundaryFilter.hostOf("localhost:8080")).isEqualTo("localhost");
        assertThat(TrustBoundaryFilter.hostOf("[::1]:8080")).isEqualTo("::1");
        assertThat(TrustBoundaryFilter.hostOf("Example.ORG")).isEqualTo("example.org");
    }

    @Test
    void loopbackNamesAreLocalhostItsSubdomainsAndLoopbackLiteralsNeverAResolvedName() {
        assertThat(List.of("localhost", "a.localhost", "127.0.0.1", "127.1.2.3", "::1"))
                .allMatch(TrustBoundaryFilter::isLoopbackName);
        assertThat(List.of("localhost.example.org", "evil.example", "10.0.0.1", "0.0.0.0", "::", "localhostx",
                "127.0.0.1.nip.io")).noneMatch(TrustBoundaryFilter::isLoopbackName);
    }

    @Test
    void originsCompareBySchemeHostAndPortWithDefaultPortsWritten() {
        assertThat(TrustBoundaryFilter.normalise("http://LocalHost")).isEqualTo("http://localhost:80");
        assertThat(TrustBoundaryFilter.normalise("https://lab.example.org/")).isEqualTo("https://lab.example.org:443");
        assertThat(TrustBoundaryFilter.normalise("null")).isEqualTo("null");
    }

    @Test
    void whereTheServiceListensDecidesWhetherATokenIsAsked() {
        assertThat(new AccessToken(NONE, "127.0.0.1").required()).isFalse();
        assertThat(new AccessToken(NONE, "::1").required()).isFalse();
        assertThat(new AccessToken(NONE, "localhost").required()).isFalse();
        AccessToken generated = new AccessToken(NONE, "0.0.0.0");
        assertThat(generated.required()).isTrue();
        assertThat(generated.beyondLoopback()).isTrue();
        assertThat(new AccessToken(NONE, "").beyondLoopback()).as("no address: every interface").isTrue();
        assertThat(new AccessToken(NONE, "192.0.2.7").beyondLoopback()).isTrue();
        AccessToken configured = new AccessToken(new TrustProperties("abc", List.of(), List.of()), "127.0.0.1");
        assertThat(configured.required()).as("a configured token is asked for on loopback too").isTrue();
        assertThat(configured.matches("abc")).isTrue();
        assertThat(configured.matches("abd")).isFalse();
        assertThat(configured.matches(null)).isFalse();
    }

    @Test
    void callersOnThisMachineAreShownAsAPrincipalOthersAreNot() throws Exception {
        assertThat(principalSeenFrom("127.0.0.1")).isEqualTo(TrustBoundaryFilter.LOOPBACK_CALLER);
        assertThat(principalSeenFrom("0:0:0:0:0:0:0:1")).isEqualTo(TrustBoundaryFilter.LOOPBACK_CALLER);
        assertThat(principalSeenFrom("172.17.0.1")).as("the host, seen from a container").isNull();
    }

    @Test
    void listedHostsAndOriginsAreLetIn() throws Exception {
        TrustBoundaryFilter filter = new TrustBoundaryFilter(new AccessToken(NONE, "127.0.0.1"),
                new TrustProperties("", List.of("lab.internal"), List.of("https://lab.example.org")));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/experiments/threads");
        request.addHeader("Host", "lab.internal:8080");
        request.addHeader("Origin", "https://lab.example.org");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<ServletRequest> passed = new AtomicReference<>();
        filter.doFilter(request, response, (req, res) -> passed.set(req));
        assertThat(passed.get()).as(response.getContentAsString()).isNotNull();
    }

    private static String principalSeenFrom(String address) throws Exception {
        TrustBoundaryFilter filter = new TrustBoundaryFilter(new AccessToken(NONE, "0.0.0.0"), NONE);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health");
        request.setRemoteAddr(address);
        AtomicReference<ServletRequest> passed = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> passed.set(req));
        var principal = ((jakarta.servlet.http.HttpServletRequest) passed.get()).getUserPrincipal();
        return principal == null ? null : principal.getName();
    }
}
