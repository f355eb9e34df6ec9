package concurrencylab.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The CPUs this process may run on (its affinity, Linux's {@code Cpus_allowed_list}), e.g. {@code [2, 3]} in a
 * container started with {@code --cpuset-cpus=2,3}. Read from {@code /proc/self/status}; absent elsewhere.
 */
public final class CpuSet {

    private static final Path STATUS = Path.of("/proc/self/status");

    private CpuSet() {
    }

    /** This process's CPUs in ascending order, or empty where the OS does not say. */
    public static Optional<List<Integer>> allowed() {
        try {
            return Files.readAllLines(STATUS).stream().filter(line -> line.startsWith("Cpus_allowed_list:"))
                    .findFirst().map(line -> parse(line.substring(line.indexOf(':') + 1)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Parses a CPU list such as {@code "0-3,6,8-9"}. */
    public static List<Integer> parse(String list) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : list.strip().split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int dash = part.indexOf('-');
            int from = Integer.parseInt(part.substring(0, dash < 0 ? part.length() : dash).strip());
            int to = dash < 0 ? from : Integer.parseInt(part.substring(dash + 1).strip());
            for (int cpu = from; cpu <= to; cpu++) {
                cpus.add(cpu);
            }
        }
        return List.copyOf(cpus);
    }

    /** Formats CPUs as a list taskset understands, ranges joined: {@code [2, 3, 5]} is {@code "2-3,5"}. */
    public static String format(List<Integer> cpus) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < cpus.size(); ) {
            int j = i;
            while (j + 1 < cpus.size() && cpus.get(j + 1) == cpus.get(j) + 1) {
                j++;
            }
            parts.add(i == j ? String.valueOf(cpus.get(i)) : cpus.get(i) + "-" + cpus.get(j));
            i = j + 1;
        }
        return parts.stream().collect(Collectors.joining(","));
    }
}
