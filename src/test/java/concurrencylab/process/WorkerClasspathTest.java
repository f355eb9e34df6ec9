package concurrencylab.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service killed with SIGKILL cannot delete its worker directory: the next start removes it. */
class WorkerClasspathTest {

    @Test
    void theDirectoriesOfServicesThatAreGoneAreRemovedAndTheOthersKept(@TempDir Path root) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path own = directory(root, "own", ProcessHandle.current().pid());
        Path ofADeadService = directory(root, "dead", gone.pid());
        Path ofALiveService = directory(root, "alive", ProcessHandle.current().parent().orElseThrow().pid());
        Path unownedOld = Files.createDirectory(root.resolve("concurrency-lab-worker-unowned-old"));
        Files.setLastModifiedTime(unownedOld, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Path unownedNew = Files.createDirectory(root.resolve("concurrency-lab-worker-unowned-new"));
        Path unrelated = Files.createDirectory(root.resolve("something-else"));

        int removed = WorkerClasspath.removeStale(root, own);

        assertThat(removed).isEqualTo(2);
        assertThat(ofADeadService).doesNotExist();
        assertThat(unownedOld).doesNotExist();
        assertThat(own).exists();
        assertThat(ofALiveService).exists();
        assertThat(unownedNew).as("maybe a service starting right now").exists();
        assertThat(unrelated).exists();
    }

    @Test
    void aLinkThatLooksLikeAStaleDirectoryIsNeverFollowed(@TempDir Path root, @TempDir Path elsewhere) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path precious = Files.writeString(elsewhere.resolve("precious.txt"), "keep me");
        Files.writeString(elsewhere.resolve("owner.pid"), Long.toString(gone.pid()));
        Path link = Files.createSymbolicLink(root.resolve("concurrency-lab-worker-link"), elsewhere);

        assertThat(WorkerClasspath.removeStale(root, root.resolve("concurrency-lab-worker-own"))).isZero();

        assertThat(precious).exists();
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void aWorkerDirectoryIsReadableByItsOwnerOnly() throws Exception {
        WorkerClasspath classpath = WorkerClasspath.prepare(ProcessHandle.current().info().command().orElseThrow());
        try {
            assertThat(Files.getPosixFilePermissions(classpath.directory()))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                            PosixFilePermission.OWNER_EXECUTE);
        } finally {
            classpath.delete();
        }
    }

    private static Path directory(Path root, String name, long ownerPid) throws Exception {
        Path directory = Files.createDirectory(root.resolve("concurrency-lab-worker-" + name));
        Files.writeString(directory.resolve("owner.pid"), Long.toString(ownerPid));
        Files.writeString(directory.resolve("worker.jar"), "jar");
        return directory;
    }
}
