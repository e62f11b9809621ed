package news.wiretranslation.translate.apertium;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one external command with a text on its stdin and a deadline, and returns what it wrote.
 *
 * <p>Why not just {@link Process#waitFor()}: a pipeline such as Apertium's blocks once a pipe buffer (64 KiB) is
 * full, so stdin is written and stdout and stderr are read at the same time, on their own threads. And
 * {@code apertium} is a shell script that starts a pipeline of children ({@code lt-proc}, {@code apertium-tagger},
 * ...): on timeout the whole process tree is killed, children first, or they would run on orphaned.
 *
 * <p>Thread-safe: every call starts its own process; the I/O threads come from a shared pool of daemon threads.
 */
final class ProcessRunner {

    /** What a finished process left behind. */
    record Outcome(int exitCode, String stdout, String stderr) {
    }

    /** The deadline passed before the process finished; it has been killed. */
    static final class TimedOutException extends Exception {
        private static final long serialVersionUID = 1L;

        TimedOutException(String message) {
            super(message);
        }
    }

    /**
     * How long the output may still take to arrive once the process has exited, even at the deadline: the reader
     * threads may not have drained the pipes yet.
     */
    private static final long DRAIN_GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final ExecutorService IO_THREADS = Executors.newCachedThreadPool(new DaemonThreads());

    private ProcessRunner() {
    }

    /**
     * Runs {@code command}, feeds it {@code input} (UTF-8) and waits at most {@code timeout} for it to finish and
     * close its output.
     *
     * @throws IOException          the command could not be started (e.g. not installed)
     * @throws TimedOutException    the deadline passed; the process tree has been killed
     * @throws InterruptedException the calling thread was interrupted; the process tree has been killed
     */
    static Outcome run(List<String> command, String input, Duration timeout)
            throws IOException, TimedOutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Process process = new ProcessBuilder(command).start();
        try {
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()),
                    IO_THREADS);
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()),
                    IO_THREADS);
            CompletableFuture.runAsync(() -> writeAndClose(process.getOutputStream(), input), IO_THREADS);
            if (!process.waitFor(remainingNanos(deadline), TimeUnit.NANOSECONDS)) {
                throw timedOut(command, timeout);
            }
            return new Outcome(process.exitValue(), await(stdout, deadline, command, timeout),
                    await(stderr, deadline, command, timeout));
        } finally {
            killTree(process);
        }
    }

    private static String await(CompletableFuture<String> output, long deadline, List<String> command,
                                Duration timeout) throws TimedOutException, InterruptedException, IOException {
        try {
            return output.get(Math.max(remainingNanos(deadline), DRAIN_GRACE_NANOS), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // The process exited but something it started still holds the pipe open.
            throw timedOut(command, timeout);
        } catch (ExecutionException e) {
            throw new IOException("reading the output of " + String.join(" ", command) + " failed", e.getCause());
        }
    }

    private static TimedOutException timedOut(List<String> command, Duration timeout) {
        return new TimedOutException(String.join(" ", command) + " did not finish within " + timeout);
    }

    private static long remainingNanos(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    /** Kills the children first: once the parent is gone they are no longer its descendants and cannot be found. */
    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAndClose(OutputStream stream, String input) {
        try (stream) {
            stream.write(input.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The process closed its stdin early, typically because it failed at once: its exit code and stderr
            // tell why, so this is not reported separately.
        }
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger number = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "apertium-io-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
