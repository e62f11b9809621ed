package news.wiretranslation.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service's {@code run} command in a JVM of its own, as an operator starts it: settings in the environment,
 * output to a log file. Tests crash it with SIGKILL ({@link #kill()}) or stop it with SIGTERM ({@link #terminate}).
 */
public final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ServiceProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code wire-translation run} on the test classpath with these settings and heap limit (e.g. "768m"). */
    public static ServiceProcess start(Map<String, String> env, Path log, String maxHeap) {
        return start(env, log, List.of("-Xmx" + maxHeap));
    }

    /** As {@link #start(Map, Path, String)}, with these JVM options. */
    public static ServiceProcess start(Map<String, String> env, Path log, List<String> jvmOptions) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", classpath, "news.wiretranslation.cli.WireTranslation", "run"));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(env);
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            return new ServiceProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the service process", e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** The process's peak resident memory so far in MiB (Linux: VmHWM in /proc/PID/status), or -1 if unknown. */
    public long peakResidentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    /** SIGKILL: the process gets no chance to commit, close or leave its group. Waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /**
     * SIGTERM, as an orchestrator stops a container; waits at most {@code timeout} for the process to exit.
     *
     * @return its exit code
     * @throws IllegalStateException when it is still running after the timeout (it is then killed)
     */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("The service did not stop within " + timeout + " of SIGTERM; log: " + log.toAbsolutePath());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
