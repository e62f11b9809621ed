package news.wiretranslation.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What Linux's /proc tells of a process and of the machine: CPU time of a process and of each of its threads, from Linux's {@code /proc/<pid>/stat} and
 * {@code /proc/<pid>/task/<tid>/stat}: user plus system time, in clock ticks (10 ms). The operating system's view
 * includes what the JVM's {@code ThreadMXBean} cannot see (garbage collection, the JIT compilers) and works the same
 * for a child process and for this JVM. Threads are told apart by the name the JVM gives the operating system (the
 * Java thread name's first 15 characters).
 */
final class ProcStats {
    /** Linux's USER_HZ: {@code getconf CLK_TCK} is 100 on every Linux the project builds on. */
    static final double MILLIS_PER_TICK = 10.0;

    /** What the threads of the service are grouped into, in the order the report prints them. */
    static final List<String> GROUPS = List.of("stream threads", "translation dispatcher", "quality check",
            "Kafka client I/O", "garbage collection", "JIT compiler", "other");

    /** CPU ticks of a process and of its live threads at one moment. */
    record Snapshot(long processTicks, Map<Long, Thread> threads) {
    }

    record Thread(String name, long ticks) {
    }

    private ProcStats() {
    }

    static Snapshot read(long pid) throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        long process = ticks(Files.readString(proc.resolve("stat")));
        Map<Long, Thread> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    threads.put(Long.parseLong(task.getFileName().toString()), new Thread(name(stat), ticks(stat)));
                } catch (IOException ended) {
                    // the thread ended while we listed them; its time stays in the process's total
                }
            }
        }
        return new Snapshot(process, threads);
    }

    /** Process CPU between two snapshots, in ms. */
    static double processMillis(Snapshot before, Snapshot after) {
        return (after.processTicks() - before.processTicks()) * MILLIS_PER_TICK;
    }

    /**
     * CPU between two snapshots by group of threads ({@link #GROUPS}), in ms. A thread started in between counts from
     * 0; a thread that ended in between is missing (its time is in the process's total, which the report gives too).
     *
     * @param streamPrefix how the service's Kafka Streams threads' names start: its application id
     */
    static Map<String, Double> groupMillis(Snapshot before, Snapshot after, String streamPrefix) {
        Map<String, Double> groups = new LinkedHashMap<>();
        GROUPS.forEach(g -> groups.put(g, 0.0));
        after.threads().forEach((tid, thread) -> {
            Thread earlier = before.threads().get(tid);
            long ticks = thread.ticks() - (earlier != null && earlier.name().equals(thread.name()) ? earlier.ticks() : 0);
            groups.merge(group(thread.name(), streamPrefix), ticks * MILLIS_PER_TICK, Double::sum);
        });
        return groups;
    }

    /** The group of a thread, by the (15-character) name the operating system knows it by. */
    static String group(String name, String streamPrefix) {
        String prefix = streamPrefix.length() > 15 ? streamPrefix.substring(0, 15) : streamPrefix;
        if (!prefix.isEmpty() && name.startsWith(prefix)) {
            return "stream threads"; // <application id>-<uuid>-StreamThread-n (and its StateUpdater)
        } else if (name.startsWith("translation-dis")) {
            return "translation dispatcher";
        } else if (name.startsWith("translation-qua")) {
            return "quality check";
        } else if (name.startsWith("kafka-producer") || name.startsWith("kafka-coordinat") || name.startsWith("consumer_backgr")) {
            return "Kafka client I/O";
        } else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
            return "garbage collection";
        } else if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            return "JIT compiler";
        }
        return "other";
    }

    /** The thread's name in {@code pid (name) state ...}; names may hold spaces and parentheses. */
    private static String name(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /** utime + stime: fields 14 and 15 of the stat line, the 12th and 13th after the name. */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Resident set (VmRSS) and its peak (VmHWM), in MB. */
    static long[] residentMb(long pid) throws IOException {
        long rss = -1;
        long peak = -1;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            } else if (line.startsWith("VmHWM:")) {
                peak = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return new long[]{rss, peak};
    }

    /** The 1-, 5- and 15-minute load averages ({@code /proc/loadavg}). */
    static double[] loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return new double[]{Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2])};
        } catch (IOException | RuntimeException e) {
            return new double[]{Double.NaN, Double.NaN, Double.NaN};
        }
    }
}
