package news.wiretranslation.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service in a JVM of its own, started as an operator starts it ({@code WireTranslation run}, settings in the
 * environment), so that its CPU time and resident memory are the service's alone.
 */
final class ChildService implements ServiceUnderTest {
    private final Process process;
    private final int httpPort;
    private final Path log;

    private ChildService(Process process, int httpPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
    }

    /**
     * @param env      the service's settings; HTTP_PORT and HTTP_BIND_ADDRESS are set here
     * @param jvmFlags flags of the child JVM (its heap)
     * @param log      where its standard output and error go
     */
    static ChildService start(Map<String, String> env, List<String> jvmFlags, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        int port = ServiceUnderTest.freePort();
        Path javaHome = Path.of(System.getProperty("java.home"));
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString()));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "news.wiretranslation.cli.WireTranslation", "run"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.environment().put("HTTP_PORT", Integer.toString(port));
        builder.environment().put("HTTP_BIND_ADDRESS", "127.0.0.1");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return new ChildService(builder.start(), port, log);
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean ownProcess() {
        return true;
    }

    @Override
    public int httpPort() {
        return httpPort;
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public String diagnosis() {
        return (process.isAlive() ? "running" : "exited with " + process.exitValue()) + "; its log: " + log.toAbsolutePath();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
