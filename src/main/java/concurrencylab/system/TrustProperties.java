package concurrencylab.system;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whom the lab answers (see {@link TrustBoundaryFilter}). Where it listens is Spring's own {@code server.address}
 * ({@code SERVER_ADDRESS}): {@code 127.0.0.1} unless told otherwise.
 *
 * @param token          the token every request that changes something must carry ({@code Authorization: Bearer},
 *                       or once in the URL as {@code ?token=}, which leaves a cookie); when empty, one is generated at
 *                       start if the service listens beyond loopback, and none is asked for on loopback
 * @param allowedHosts   further names the {@code Host} header may carry while the service listens on loopback (e.g.
 *                       a reverse proxy's name); loopback names and addresses are always allowed
 * @param allowedOrigins further origins (e.g. {@code https://lab.example.org}) that may change something; the lab's
 *                       own origin always may
 */
@ConfigurationProperties("lab")
public record TrustProperties(@DefaultValue("") String token, @DefaultValue List<String> allowedHosts,
        @DefaultValue List<String> allowedOrigins) {
}
