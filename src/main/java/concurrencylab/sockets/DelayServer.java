package concurrencylab.sockets;

/** A running loopback delay-echo server of some {@link ServerDesign}: where to connect, and how to stop it. */
public interface DelayServer extends AutoCloseable {

    int port();

    /** Stops accepting, closes every connection and waits (briefly) for the server's threads to end. */
    @Override
    void close() throws InterruptedException;
}
