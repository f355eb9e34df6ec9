package concurrencylab;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the end-to-end tests: the real service on a random port, called over real HTTP. Every subclass shares
 * this one configuration, so the Spring context (and the cpu calibration) is built once for all of them.
 * A small queue and retention make the 429 and retention behaviour cheap to reach, and a 2 s measured baseline the
 * estimated one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.test.metrics.auto-configure=true",
        "lab.limits.queue-capacity=3",
        "lab.limits.retained-runs=40",
        "lab.limits.max-measured-baseline=2s",
        "lab.store.path=target/test-data/${random.uuid}/runs"})
public abstract class LabHttpTest {

    @LocalServerPort
    protected int port;

    protected LabClient lab;

    @BeforeEach
    void connect() {
        lab = new LabClient(port);
    }
}
