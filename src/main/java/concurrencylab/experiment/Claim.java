package concurrencylab.experiment;

/**
 * The claims about processes, threads, coroutines, the GIL, sockets and event loops that the experiments prove
 * (docs/concepts.md explains each for a learner). A run's verdicts name the claim they test and whether this run
 * confirmed it.
 */
public enum Claim {
    C1("A process has memory no other process can reach."),
    C2("Several processes run at the same time on several cores."),
    C3("One core still runs several processes concurrently, by time slicing."),
    C4("Threads share their process's memory."),
    C5("Threads run in parallel on several cores."),
    C6("A coroutine suspends at a long operation and lets other code run: N waits of d ms take about d, not N x d."),
    C7("Under a GIL only one thread runs interpreter code at a time."),
    C8("The GIL is released during I/O."),
    C9("Every process has its own GIL."),
    C10("A socket sends and receives bytes; a client waits for the server's answer."),
    C11("An event loop runs many socket tasks on one thread, parking each at I/O while the OS watches its socket."),
    C12("GIL convoy: an I/O thread beside a CPU thread waits a switch interval for each re-acquire."),
    C13("A coroutine that never suspends stalls every other one on its loop."),
    C14("A blocking server serves one client at a time; threads or a selector serve them together."),
    C15("Concurrency is not parallelism: I/O-bound work gains from any concurrency, CPU-bound work only from parallel "
            + "cores."),
    C16("Preemptive multitasking keeps other tasks responsive beside a CPU hog; cooperative multitasking does not."),
    C17("An event loop hands CPU work to processes: the work runs on several cores and the loop stays responsive."),
    C18("Several interpreters in one process compute in parallel, each under its own GIL, and share no objects."),
    C19("A free-threaded build runs Python threads on several cores at once.");

    private final String statement;

    Claim(String statement) {
        this.statement = statement;
    }

    public String statement() {
        return statement;
    }
}
