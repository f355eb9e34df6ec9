package concurrencylab.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The lab's trust boundary, checked before anything else sees a request (Jupyter's model). In order:
 * <ol>
 * <li>While the service listens on loopback, a request whose {@code Host} is not a loopback name or address (nor one
 * in {@code lab.allowed-hosts}) is refused with 403: a page whose name was re-bound to 127.0.0.1 (DNS rebinding)
 * reaches nothing.</li>
 * <li>A request that changes something (any method but GET, HEAD, OPTIONS) and comes from another origin, by its
 * {@code Origin} or by {@code Sec-Fetch-Site: cross-site | same-site}, is refused with 403: a page on another site
 * cannot start or cancel runs through a form or a no-cors fetch. curl sends neither header; the lab's own pages and
 * Swagger UI send their own origin.</li>
 * <li>When the lab asks for a token ({@link AccessToken}), a changing request without it is refused with 401. The
 * token comes as {@code Authorization: Bearer}, as the {@value #COOKIE} cookie, or in the URL as {@code ?token=}; a
 * GET that carries a right one there gets the cookie ({@code HttpOnly}, {@code SameSite=Strict}) and is redirected to
 * the same address without it, so the pages' forms keep working and the token leaves the address bar.</li>
 * </ol>
 * Reads stay open to whoever may connect: the runs carry no secrets, and Prometheus scrapes without a token. A
 * refused request reaches no controller, so it leaves no record. Callers on loopback are shown as the principal
 * {@value #LOOPBACK_CALLER}, which is what lets {@code /actuator/health} show its details to them alone
 * ({@code show-details: when-authorized}). Stateless.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class TrustBoundaryFilter extends OncePerRequestFilter {

    static final String COOKIE = "lab_token";
    static final String LOOPBACK_CALLER = "loopback-caller";
    /** Request attribute: true when this request may change something (for the pages to say what is missing). */
    public static final String MAY_CHANGE = "concurrencylab.mayChange";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final AccessToken token;
    private final Set<String> allowedHosts;
    private final Set<String> allowedOrigins;

    TrustBoundaryFilter(AccessToken token, TrustProperties trust) {
        this.token = token;
        this.allowedHosts = trust.allowedHosts().stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.allowedOrigins = trust.allowedOrigins().stream().map(TrustBoundaryFilter::normalise)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = request.getHeader(HttpHeaders.HOST);
        if (!token.beyondLoopback() && host != null && !isLoopbackName(hostOf(host))
                && !allowedHosts.contains(hostOf(host))) {
            refuse(response, request, HttpStatus.FORBIDDEN, "Foreign host", "This lab listens on loopback and answers "
                    + "only requests addressed to localhost or a loopback address, not to " + host + " (a page whose "
                    + "name was re-bound to this machine would be one). Add the name to lab.allowed-hosts if it is "
                    + "yours.");
            return;
        }
        boolean changes = !SAFE_METHODS.contains(request.getMethod());
        String foreign = changes ? foreignOrigin(request, host) : null;
        if (foreign != null) {
            refuse(response, request, HttpStatus.FORBIDDEN, "Foreign origin", "Only the lab's own pages, Swagger UI "
                    + "and clients that name no origin (curl) may change something here; this request came from "
                    + foreign + ". Add the origin to lab.allowed-origins if it is yours.");
            return;
        }
        boolean authorised = !token.required() || token.matches(presented(request));
        String inUrl = queryToken(request);
        if (token.required() && inUrl != null && !changes) {
            if (!token.matches(inUrl)) {
                refuse(response, request, HttpStatus.UNAUTHORIZED, "Wrong token", "The token in this URL is not "
                        + "this lab's: open the URL the lab printed in its log when it started.");
                return;
            }
            rememberAndRedirect(request, response, inUrl);
            return;
        }
        if (changes && !authorised) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            refuse(response, request, HttpStatus.UNAUTHORIZED, "Token needed", "This lab listens beyond loopback, "
                    + "so a request that changes something needs its token: send Authorization: Bearer <token>, or "
                    + "open the URL with ?token= that the lab printed in its log when it started.");
            return;
        }
        request.setAttribute(MAY_CHANGE, authorised);
        chain.doFilter(isLoopbackCaller(request) ? new LoopbackCaller(request) : request, response);
    }

    /** The host part of a Host header: {@code localhost:8080} is localhost, {@code [::1]:8080} is ::1. */
    static String hostOf(String hostHeader) {
        String h = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(1, end);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    /**
     * localhost and its subdomains (RFC 6761: never sent to DNS by browsers), and IP literals of the loopback range.
     * A name is never resolved here: resolving what a rebinding page chose is exactly what must not decide.
     */
    static boolean isLoopbackName(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        if (!host.contains(":") && !host.matches("[0-9.]+")) {
            return false;
        }
        try {
            return InetAddress.ofLiteral(host).isLoopbackAddress();
        } catch (IllegalArgumentException notALiteral) {
            return false;
        }
    }

    /** Where a changing request came from when that is not here, else null. */
    private String foreignOrigin(HttpServletRequest request, String host) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return "a " + site + " page (Sec-Fetch-Site)";
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return null;
        }
        String own = normalise(request.getScheme() + "://" + (host != null ? host
                : request.getServerName() + ":" + request.getServerPort()));
        String theirs = normalise(origin);
        return theirs.equals(own) || allowedOrigins.contains(theirs) ? null : origin;
    }

    /** scheme://host:port in lower case with the port always written, or the text itself when it is no origin. */
    static String normalise(String origin) {
        try {
            URI uri = new URI(origin.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return origin.strip();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (URISyntaxException e) {
            return origin.strip();
        }
    }

    private static String presented(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7);
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (cookie.getName().equals(COOKIE)) {
                    return cookie.getValue();
                }
            }
        }
        return queryToken(request);
    }

    /** {@code ?token=} of the URL; never the body, which is not this filter's to read. */
    private static String queryToken(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        return Arrays.stream(query.split("&")).filter(p -> p.startsWith("token=")).findFirst()
                .map(p -> URLDecoder.decode(p.substring(6), StandardCharsets.UTF_8)).orElse(null);
    }

    private static void rememberAndRedirect(HttpServletRequest request, HttpServletResponse response, String value) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, value).path("/").httpOnly(true)
                .sameSite("Strict").secure(request.isSecure()).build().toString());
        String rest = request.getQueryString() == null ? "" : Arrays.stream(request.getQueryString().split("&"))
                .filter(p -> !p.equals("token") && !p.startsWith("token=")).collect(Collectors.joining("&"));
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader(HttpHeaders.LOCATION, request.getRequestURI() + (rest.isEmpty() ? "" : "?" + rest));
    }

    private static boolean isLoopbackCaller(HttpServletRequest request) {
        try {
            return InetAddress.ofLiteral(request.getRemoteAddr()).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void refuse(HttpServletResponse response, HttpServletRequest request, HttpStatus status,
            String title, String detail) throws IOException {
        ProblemJson.write(response, status.value(), title, detail, request.getRequestURI());
    }

    /** A request from this machine, shown as the principal {@value #LOOPBACK_CALLER}. */
    private static final class LoopbackCaller extends HttpServletRequestWrapper {

        private static final Principal PRINCIPAL = () -> LOOPBACK_CALLER;

        LoopbackCaller(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Principal getUserPrincipal() {
            return PRINCIPAL;
        }
    }
}
