package news.wiretranslation.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The schema validators of {@code src/test/schema-validation} (Node: kubernetes-models for Kubernetes' own schemas,
 * ajv with the compose-spec schema), run as processes. {@code ./wire-translation test} installs Node and the
 * validators' packages when they are missing.
 */
final class SchemaValidators {
    static final Path DIR = Path.of("src", "test", "schema-validation").toAbsolutePath();

    /** What a validator said: its exit code and its lines ({@code ok ...}, {@code INVALID ...}). */
    record Verdict(int exitCode, List<String> lines) {
        String text() {
            return String.join("\n", lines);
        }
    }

    private SchemaValidators() {
    }

    /** Validates the Kubernetes objects of a YAML text (kustomize's output). */
    static Verdict kubernetesObjects(String yaml) throws IOException, InterruptedException {
        return run(yaml, "kubernetes-objects.mjs");
    }

    /** Validates a Compose file against the compose-spec schema. */
    static Verdict composeFile(Path file) throws IOException, InterruptedException {
        return run("", "compose-file.mjs", file.toAbsolutePath().toString());
    }

    private static Verdict run(String input, String script, String... args) throws IOException, InterruptedException {
        if (!Files.isDirectory(DIR.resolve("node_modules"))) {
            throw new AssertionError("The schema validators' packages are not installed: ./wire-translation test installs "
                    + "them (or: cd " + DIR + " && npm install)");
        }
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("Node is needed for the schema checks (Debian: apt-get install nodejs npm; "
                    + "./wire-translation test installs it): " + e.getMessage(), e);
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("node " + script + " did not finish within 120 s: " + output);
        }
        return new Verdict(process.exitValue(), output.lines().toList());
    }
}
