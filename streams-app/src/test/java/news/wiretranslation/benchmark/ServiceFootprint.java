package news.wiretranslation.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.wiretranslation.service.TopicReader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The service's own memory, apart from the broker, the stand-in and the benchmark's clients that share the
 * benchmark's JVM: the service runs as a child process ({@code WireTranslation run}, as in production), works
 * through a backlog of articles (the warm-up), and then its resident set and its heap after a full GC are read
 * ({@code /proc/<pid>/status}, {@code jcmd GC.heap_info}).
 */
final class ServiceFootprint {
    private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

    /** What one child process measured; sizes in MB. */
    record Result(String accuracy, List<String> jvmFlags, int articles, double seconds, long rssMb, long peakRssMb,
                  long heapUsedMb, long heapCommittedMb) {
        double rate() {
            return seconds == 0 ? 0 : articles / seconds;
        }
    }

    private ServiceFootprint() {
    }

    /**
     * Starts the service with {@code env} and {@code jvmFlags}, waits until {@code expected} records are on
     * {@code outputTopic} (published beforehand), measures, and stops the service with SIGTERM.
     */
    static Result measure(String accuracy, List<String> jvmFlags, Map<String, String> env, String bootstrapServers,
                          String outputTopic, int expected, Path log) throws Exception {
        Files.createDirectories(log.getParent());
        Path javaHome = Path.of(System.getProperty("java.home"));
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString()));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "news.wiretranslation.cli.WireTranslation", "run"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process service = builder.start();
        try {
            int seen = TopicReader.readUntil(bootstrapServers, outputTopic, new ByteArrayDeserializer(),
                    records -> records.size() >= expected || !service.isAlive(), Duration.ofMinutes(10)).size();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!service.isAlive() || seen < expected) {
                throw new IllegalStateException("the service (" + accuracy + ") gave " + seen + " of " + expected
                        + " outputs" + (service.isAlive() ? "" : " and exited with " + service.exitValue()) + "; see " + log);
            }
            long[] rss = rssMb(service.pid());
            run(javaHome, service.pid(), "GC.run");
            Matcher heap = HEAP_USED.matcher(run(javaHome, service.pid(), "GC.heap_info"));
            long committed = heap.find() ? Long.parseLong(heap.group(1)) / 1024 : -1;
            long used = committed >= 0 ? Long.parseLong(heap.group(2)) / 1024 : -1;
            return new Result(accuracy, jvmFlags, seen, seconds, rss[0], rss[1], used, committed);
        } finally {
            service.destroy();
            if (!service.waitFor(60, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    /** VmRSS and VmHWM (the peak) of a process, in MB. */
    private static long[] rssMb(long pid) throws IOException {
        long rss = -1;
        long peak = -1;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kilobytes(line) / 1024;
            } else if (line.startsWith("VmHWM:")) {
                peak = kilobytes(line) / 1024;
            }
        }
        return new long[]{rss, peak};
    }

    private static long kilobytes(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    private static String run(Path javaHome, long pid, String command) throws Exception {
        Process jcmd = new ProcessBuilder(javaHome.resolve("bin/jcmd").toString(), Long.toString(pid), command)
                .redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor(60, TimeUnit.SECONDS);
        return output;
    }
}
