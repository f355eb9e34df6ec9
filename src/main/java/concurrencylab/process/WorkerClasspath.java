package concurrencylab.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classpath of a worker: {@link WorkerMain} and the lab classes it references, transitively, copied out of
 * whatever holds them now (target/classes under {@code mvn spring-boot:run}, the nested jar under
 * {@code java -jar}, the extracted jar in the Docker image) into one small jar. The same bytes start the same way
 * everywhere, and none of Spring is on the worker's classpath (refused if a copied class refers to it).
 *
 * <p>Startup: the first use also creates a dynamic class data sharing (AppCDS) archive of the worker, by running
 * one worker that only says READY and exits with {@code -XX:+AutoCreateSharedArchive}; every later worker maps
 * the classes it needs from that archive instead of loading and verifying them.
 */
final class WorkerClasspath {

    private static final Pattern LAB_CLASS = Pattern.compile("concurrencylab/[A-Za-z0-9_/$]+");
    private static final String PREFIX = "concurrency-lab-worker-";
    /** The pid of the service that owns a worker directory. */
    private static final String OWNER = "owner.pid";
    /** A directory without an owner that is older than this is left over (its owner died before writing it). */
    private static final java.time.Duration UNOWNED_GRACE = java.time.Duration.ofMinutes(10);

    private final Path directory;
    private final Path jar;
    private final Path archive;
    private final String classDataSharing;

    private WorkerClasspath(Path directory, Path jar, Path archive, String classDataSharing) {
        this.directory = directory;
        this.jar = jar;
        this.archive = archive;
        this.classDataSharing = classDataSharing;
    }

    /**
     * Writes the worker jar into a new temporary directory and creates its class data sharing archive. First removes
     * the directories of earlier services that are gone (killed, say, so they could not delete their own).
     */
    static WorkerClasspath prepare(String javaCommand) throws IOException, InterruptedException {
        // Readable by this user only (the JDK's default for temporary directories on POSIX, said here on purpose).
        Path directory = Files.createTempDirectory(PREFIX,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.writeString(directory.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
        removeStale(directory.getParent(), directory);
        Path jar = directory.resolve("worker.jar");
        writeJar(jar, closureOf(WorkerMain.class));
        Path archive = directory.resolve("worker.jsa");
        long started = System.nanoTime();
        Process dump = new ProcessBuilder(javaCommand, "-XX:SharedArchiveFile=" + archive,
                "-XX:+AutoCreateSharedArchive", "-Xshare:auto", "-Xlog:disable", "-cp", jar.toString(),
                WorkerMain.class.getName(), "--ready-and-exit")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        boolean exited;
        try {
            exited = dump.waitFor(60, TimeUnit.SECONDS);
        } finally {
            // Hung, or the run that needed it was cancelled meanwhile: it must not outlive this call.
            if (dump.isAlive()) {
                dump.destroyForcibly();
                dump.onExit().join();
            }
        }
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        String sharing = exited && dump.exitValue() == 0 && Files.isRegularFile(archive)
                ? "dynamic AppCDS archive of the worker's classes (-XX:SharedArchiveFile, created in " + tookMillis
                        + " ms at first use)"
                : "the JDK's default CDS archive only (creating the worker's own archive failed)";
        return new WorkerClasspath(directory, jar, Files.isRegularFile(archive) ? archive : null, sharing);
    }

    /** The JVM options and classpath of a worker, before its main class. */
    java.util.List<String> jvmArguments() {
        var args = new java.util.ArrayList<String>();
        if (archive != null) {
            args.add("-XX:SharedArchiveFile=" + archive);
        }
        // Small heap and the serial collector: a worker computes, it does not allocate; both start faster.
        // JVM warnings go to stderr: by default they would go to stdout and garble the protocol.
        args.addAll(java.util.List.of("-Xshare:auto", "-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:+UseSerialGC", "-Xms8m", "-Xmx64m", "-XX:-UsePerfData",
                "-cp", jar.toString()));
        return args;
    }

    String classDataSharing() {
        return classDataSharing;
    }

    Path directory() {
        return directory;
    }

    void delete() {
        delete(directory);
    }

    /**
     * Deletes the worker directories under {@code root} whose owning service is no longer running (or that have had
     * no owner for {@link #UNOWNED_GRACE}); keeps {@code own} and those of services still running.
     *
     * @return how many it deleted
     */
    static int removeStale(Path root, Path own) {
        int removed = 0;
        try (var candidates = Files.list(root)) {
            // A directory itself, never what a link of that name points at: a link in a shared /tmp must not make
            // the lab delete another folder's files.
            for (Path candidate : candidates.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                    && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !p.equals(own)).toList()) {
                if (isStale(candidate)) {
                    delete(candidate);
                    removed++;
                }
            }
        } catch (IOException ignored) {
            // an unreadable temporary directory: nothing to clean
        }
        return removed;
    }

    private static boolean isStale(Path directory) throws IOException {
        Path owner = directory.resolve(OWNER);
        if (!Files.isRegularFile(owner, LinkOption.NOFOLLOW_LINKS)) {
            return Files.getLastModifiedTime(directory, LinkOption.NOFOLLOW_LINKS).toInstant()
                    .isBefore(java.time.Instant.now().minus(UNOWNED_GRACE));
        }
        try {
            long pid = Long.parseLong(Files.readString(owner).trim());
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Deletes the directory's entries (a link is deleted as a link, its target untouched), then the directory. */
    private static void delete(Path directory) {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // a temporary directory; the OS cleans it eventually
        }
    }

    /** The class files of {@code root} and every lab class it refers to, by their resource names. */
    static Map<String, byte[]> closureOf(Class<?> root) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.add(root.getName().replace('.', '/'));
        ClassLoader loader = root.getClassLoader();
        while (!pending.isEmpty()) {
            String name = pending.poll();
            String resource = name + ".class";
            if (classes.containsKey(resource)) {
                continue;
            }
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    continue; // a name that is no class, e.g. a package prefix in a string
                }
                byte[] bytes = in.readAllBytes();
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                if (text.contains("org/springframework/")) {
                    throw new IllegalStateException(resource + " refers to Spring: the worker must not");
                }
                classes.put(resource, bytes);
                Matcher names = LAB_CLASS.matcher(text);
                while (names.find()) {
                    pending.add(names.group());
                }
            }
        }
        return classes;
    }

    private static void writeJar(Path jar, Map<String, byte[]> classes) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (var entry : classes.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
    }
}
