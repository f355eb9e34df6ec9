package concurrencylab.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where the service listens and the token it asks for, as Jupyter does: on loopback (the default) nobody else can
 * reach it and no token is asked for, unless one is configured; beyond loopback ({@code server.address} 0.0.0.0, a
 * network address, or none) every request that changes something needs the configured {@code lab.token}, or one
 * generated here at start and printed once in the log as a ready-to-open URL. Immutable after construction.
 */
@Component
class AccessToken {

    private static final Logger log = LoggerFactory.getLogger(AccessToken.class);

    private final boolean beyondLoopback;
    private final String token;
    private final boolean generated;

    AccessToken(TrustProperties trust, @Value("${server.address:}") String address) {
        this.beyondLoopback = !isLoopback(address);
        this.generated = trust.token().isBlank() && beyondLoopback;
        this.token = generated ? generate() : trust.token().strip();
    }

    /** Whether {@code address} (Spring's {@code server.address}) keeps the service on loopback; none means every interface. */
    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false; // a name that does not resolve here: treat it as the network, the safe side
        }
    }

    private static String generate() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The service listens beyond loopback: other machines may reach it. */
    boolean beyondLoopback() {
        return beyondLoopback;
    }

    /** Whether changing requests must carry the token. */
    boolean required() {
        return !token.isEmpty();
    }

    /** Whether {@code candidate} is the token, compared in constant time. */
    boolean matches(String candidate) {
        return required() && candidate != null && MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8), candidate.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** Once the port is known: says where the lab is and, when it asks for one, the URL that carries its token. */
    @EventListener
    void announce(WebServerInitializedEvent event) {
        if ("management".equals(event.getApplicationContext().getServerNamespace())) {
            return;
        }
        int port = event.getWebServer().getPort();
        if (!required()) {
            log.info("The lab listens on loopback only: http://localhost:{}/ (set server.address to open it to "
                    + "other machines; it then asks for a token)", port);
            return;
        }
        String where = beyondLoopback ? "beyond loopback, so requests that change something need its token"
                : "on loopback with a configured token";
        String path = ":" + port + "/?token=" + (generated ? token : "<lab.token>");
        // From this machine (and from the host of a container, through its published port) and from others.
        String urls = "http://127.0.0.1" + path + (beyondLoopback ? "\n    http://" + hostName() + path : "");
        log.warn("The lab listens {}. Open it with{}:\n\n    {}\n\n(or send Authorization: Bearer <token>)", where,
                generated ? " one of these URLs (a new token at every start; set lab.token to keep one)"
                        : " its token", urls);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }
}
