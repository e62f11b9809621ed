package news.wiretranslation.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads the deployment files (docker/, k8s/) the way their tools do: YAML (with merge keys, as docker compose
 * reads them), Kubernetes objects through fabric8's typed model, kustomize's build through kubectl.
 */
final class DeploymentFiles {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path DOCKER = ROOT.resolve("docker");
    static final Path K8S = ROOT.resolve("k8s");
    static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

    private DeploymentFiles() {
    }

    static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a YAML file, as plain maps and lists. */
    static List<Object> yamlDocuments(Path file) {
        List<Object> documents = new ArrayList<>();
        new Yaml().loadAll(read(file)).forEach(documents::add);
        return documents;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yamlMap(Path file) {
        return (Map<String, Object>) new Yaml().load(read(file));
    }

    /** The Kubernetes objects of a YAML text, each deserialized into its kind's class where fabric8 has one. */
    static List<KubernetesResource> kubernetesObjects(String yaml) {
        List<KubernetesResource> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(line -> line.isBlank() || line.stripLeading().startsWith("#"))) {
                continue;
            }
            Object parsed = KUBERNETES.unmarshal(document);
            if (parsed instanceof List<?> list) {
                list.forEach(o -> objects.add((KubernetesResource) o));
            } else {
                objects.add((KubernetesResource) parsed);
            }
        }
        return objects;
    }

    static <T extends HasMetadata> T only(List<KubernetesResource> objects, Class<T> type) {
        List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + ", found " + found.size());
        }
        return found.get(0);
    }

    /** {@code kubectl kustomize DIR}: the manifests as kustomize builds them. */
    static String kustomize(Path dir) throws IOException, InterruptedException {
        ProcessBuilder builder;
        try {
            builder = new ProcessBuilder("kubectl", "kustomize", dir.toString());
            Process process = builder.redirectError(ProcessBuilder.Redirect.PIPE).start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed: " + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("kubectl is needed to build the kustomizations (Debian: apt-get install "
                    + "kubernetes-client; .ci/run installs it): " + e.getMessage(), e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream open(Path file) throws IOException {
        return Files.newInputStream(file);
    }

    // ---- docker compose ----

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?-([^}]*))?}");

    /** A compose value with ${VAR:-default} resolved as compose does when VAR is unset (no docker/.env). */
    static String interpolateDefaults(String value) {
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A compose service's environment, merge keys applied and defaults interpolated. */
    @SuppressWarnings("unchecked")
    static Map<String, String> composeEnvironment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object environment = service.get("environment");
        if (environment instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(k.toString(), v == null ? "" : interpolateDefaults(v.toString())));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] kv = entry.toString().split("=", 2);
                env.put(kv[0], kv.length > 1 ? interpolateDefaults(kv[1]) : "");
            }
        }
        return env;
    }

    /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
    static List<String> dockerfileInstructions(Path dockerfile) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : read(dockerfile).split("\n")) {
            if (line.stripLeading().startsWith("#")) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            if (!current.toString().isBlank()) {
                instructions.add(current.toString().strip().replaceAll("\\s+", " "));
            }
            current.setLength(0);
        }
        return instructions;
    }
}
