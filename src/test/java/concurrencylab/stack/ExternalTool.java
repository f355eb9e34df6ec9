package concurrencylab.stack;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A binary a test needs from the machine (Debian's prometheus, chromium, chromium-driver; .ci/run installs them).
 * Missing under CI=true: the test fails, saying what to install. Missing elsewhere: it is skipped with that message.
 */
final class ExternalTool {

    private ExternalTool() {
    }

    static Path require(String path, String debianPackage) {
        Path binary = Path.of(path);
        if (!Files.isExecutable(binary)) {
            String message = path + " is missing: install Debian's " + debianPackage + " package (apt-get install -y "
                    + debianPackage + "); .ci/run does this on CI";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            assumeTrue(false, message);
        }
        return binary;
    }
}
