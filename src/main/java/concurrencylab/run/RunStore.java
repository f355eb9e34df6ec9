package concurrencylab.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where runs are kept across restarts: an embedded H2 database file ({@code lab.store.path}, by default
 * {@code ./data/runs.mv.db}), its schema made by Flyway migrations (src/main/resources/db/migration). Every run is
 * written when it is accepted and at each status change; reading it back gives the run as the API showed it.
 *
 * <p>At start, runs the file says were QUEUED or RUNNING are marked FAILED: the service stopped during them. If the
 * file cannot be opened (damaged, locked by another service, unreadable), the store says why ({@link #problem}, the
 * {@code runStore} health component), keeps the file as it is, and the service goes on with its runs in memory only.
 *
 * <p>The file is opened on the store's own thread: the other beans are made (on the other core) meanwhile, and the
 * context waits for the opening only after them ({@link #afterSingletonsInstantiated}); every read or write asked for
 * before the file is open waits its turn behind the opening.
 *
 * <p>States: opening, then open (available) or unavailable (it could not be opened, or a write failed later);
 * never reopened while running. Thread-safe: every read and write, the opening first, runs on one thread of its own
 * ("lab-service-store"), which owns {@code pool} and {@code jdbc} and
 * nobody interrupts: H2 writes through NIO file channels, which close for good when the writing thread is
 * interrupted, and a run's thread is interrupted whenever its run is cancelled or the service stops (a cancel that
 * landed while the run's thread wrote its RUNNING status once closed the whole store). Callers wait for their
 * answer; one interrupted while it waits stops waiting, and its write still happens. {@code problem} is volatile;
 * {@code opened} completes once, on the store's thread.
 */
@Component
class RunStore implements AutoCloseable, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RunStore.class);
    private static final String FINAL = "('SUCCEEDED','FAILED','CANCELLED','TIMED_OUT')";

    private final JsonMapper json;
    private final int maxRuns;
    private final Duration maxAge;
    private final Path file;
    private JdbcConnectionPool pool;
    private JdbcClient jdbc;
    private volatile String problem;
    /** Completes once the opening has ended, opened or not; whoever asks about the store's state waits for it. */
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final ExecutorService storeThread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("lab-service-store").daemon().factory());

    RunStore(JsonMapper json, @Value("${lab.store.path:./data/runs}") String path,
            @Value("${lab.retention.max-runs:1000}") int maxRuns,
            @Value("${lab.retention.max-age:30d}") Duration maxAge) {
        this.json = json;
        this.maxRuns = Math.max(1, maxRuns);
        this.maxAge = maxAge;
        this.file = Path.of(path).toAbsolutePath().normalize();
        storeThread.execute(this::open);
    }

    /**
     * The context's last step before the web server starts (and the point where a training run for the JVM's AOT
     * cache halts the JVM): the opening, begun when this bean was made, has run beside the other beans; it ends here,
     * so a started service has its store, and a training run records every class the opening loads.
     */
    @Override
    public void afterSingletonsInstantiated() {
        opened.join();
    }

    private void open() {
        try {
            openFile();
        } finally {
            opened.complete(null);
        }
    }

    private void openFile() {
        try {
            // The folders it makes are readable by this user only: runs say what this machine is and does.
            Files.createDirectories(file.getParent(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            // The default file lock is the OS's: a second service on the same file is refused, and the lock of a
            // service killed with SIGKILL dies with it. WRITE_DELAY=0: every status change is on disk when written,
            // so a kill loses nothing already said.
            pool = JdbcConnectionPool.create("jdbc:h2:file:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                    "lab", "");
            Flyway.configure().dataSource(pool).load().migrate();
            jdbc = JdbcClient.create(pool);
            int interrupted = jdbc.sql("UPDATE runs SET status = 'FAILED', finished_ms = ?, error = ? "
                            + "WHERE status IN ('QUEUED', 'RUNNING')")
                    .params(System.currentTimeMillis(), "the service stopped during this run (found at its next start, "
                            + Instant.now() + ")")
                    .update();
            log.info("runs are kept in {}.mv.db{}", file, interrupted == 0 ? ""
                    : "; " + interrupted + " run(s) the service was doing when it stopped are now FAILED");
        } catch (RuntimeException | java.io.IOException e) {
            fail("cannot open the run store " + file + ".mv.db: " + e.getMessage()
                    + "; runs are kept in memory only until it is fixed (the file is left as it is)", e);
        }
    }

    private void fail(String why, Exception e) {
        problem = why;
        log.error(why, e);
        if (pool != null) {
            pool.dispose();
        }
    }

    /** Null while the store works; else why it does not. Waits until the file has been opened (or not). */
    String problem() {
        opened.join();
        return problem;
    }

    /** Whether the store works; waits until the file has been opened (or not). */
    boolean available() {
        opened.join();
        return problem == null;
    }

    String location() {
        return file + ".mv.db";
    }

    /** Writes the run as it is now; at a final status also applies the retention rules. */
    void save(RunView run) {
        if (!available()) {
            return;
        }
        onStoreThread(() -> {
            write(run);
            return null;
        }, null);
    }

    private void write(RunView run) {
        if (!available()) {
            return;
        }
        try {
            jdbc.sql("MERGE INTO runs (id, experiment, status, submitted_ms, finished_ms, error, view) KEY (id) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(run.id(), run.experiment(), run.status().name(), run.submittedAt().toEpochMilli(),
                            run.finishedAt() == null ? null : run.finishedAt().toEpochMilli(), run.error(),
                            json.writeValueAsString(run))
                    .update();
            if (run.status().isFinished()) {
                retain();
            }
        } catch (RuntimeException e) {
            fail("writing run " + run.id() + " to the run store failed: " + e.getMessage()
                    + "; runs are kept in memory only from now on", e);
        }
    }

    /** Forgets finished runs beyond lab.retention.max-runs and older than lab.retention.max-age. */
    private void retain() {
        jdbc.sql("DELETE FROM runs WHERE status IN " + FINAL + " AND finished_ms < ?")
                .param(System.currentTimeMillis() - maxAge.toMillis()).update();
        jdbc.sql("SELECT n FROM runs WHERE status IN " + FINAL + " ORDER BY n DESC LIMIT 1 OFFSET ?")
                .param(maxRuns).query(Long.class).optional()
                .ifPresent(oldestForgotten -> jdbc.sql("DELETE FROM runs WHERE status IN " + FINAL + " AND n <= ?")
                        .param(oldestForgotten).update());
    }

    Optional<RunView> find(String id) {
        if (!available()) {
            return Optional.empty();
        }
        return onStoreThread(() -> jdbc.sql("SELECT status, finished_ms, error, view FROM runs WHERE id = ?").param(id)
                .query((rs, i) -> read(rs)).optional(), Optional.empty());
    }

    /** Newest first; either filter may be null. */
    List<RunView> list(String experiment, RunStatus status, int limit) {
        if (!available()) {
            return List.of();
        }
        return onStoreThread(() -> jdbc.sql("SELECT status, finished_ms, error, view FROM runs "
                        + "WHERE (? IS NULL OR experiment = ?) AND (? IS NULL OR status = ?) ORDER BY n DESC LIMIT ?")
                .params(experiment, experiment, status == null ? null : status.name(),
                        status == null ? null : status.name(), limit)
                .query((rs, i) -> read(rs)).list(), List.of());
    }

    /**
     * Runs {@code work} on the store's thread and waits for it; {@code ifInterrupted} when the caller is interrupted
     * while it waits (the work goes on). A failure of the work is thrown here, as if it had run on the caller.
     */
    private <T> T onStoreThread(Callable<T> work, T ifInterrupted) {
        Future<T> answer;
        try {
            answer = storeThread.submit(work);
        } catch (RejectedExecutionException closed) {
            return ifInterrupted; // the service is stopping
        }
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ifInterrupted;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }

    /** The stored view, with the status the table says (a run found unfinished at start is FAILED there). */
    private RunView read(java.sql.ResultSet row) throws java.sql.SQLException {
        RunView view = json.readValue(row.getString("view"), RunView.class);
        RunStatus status = RunStatus.valueOf(row.getString("status"));
        if (status == view.status()) {
            return view;
        }
        long finished = row.getLong("finished_ms");
        return new RunView(view.id(), view.experiment(), view.params(), status, view.submittedAt(), view.startedAt(),
                row.wasNull() ? view.finishedAt() : Instant.ofEpochMilli(finished), view.deadline(), view.progress(),
                view.environment(), row.getString("error"), view.result(), view.links());
    }

    /** Finishes the writes already asked for (a few seconds at most), then closes the file. */
    @Override
    public void close() {
        storeThread.shutdown();
        try {
            if (!storeThread.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("the run store did not finish its writes within 5 s of shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (pool != null) {
            pool.dispose();
        }
    }
}
