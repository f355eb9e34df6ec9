package concurrencylab.process;

/** Run by {@link PinningTest} in a JVM confined to one CPU: says where this service would pin one worker. */
public final class PinningProbe {

    private PinningProbe() {
    }

    public static void main(String[] args) {
        System.out.println("pins 1 worker to " + Pinning.ofThisProcess().cpuList(1));
    }
}
