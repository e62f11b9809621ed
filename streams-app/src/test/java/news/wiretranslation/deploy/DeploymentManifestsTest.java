package news.wiretranslation.deploy;

import static news.wiretranslation.deploy.DeploymentFiles.DOCKER;
import static news.wiretranslation.deploy.DeploymentFiles.K8S;
import static news.wiretranslation.deploy.DeploymentFiles.ROOT;
import static news.wiretranslation.deploy.DeploymentFiles.kubernetesObjects;
import static news.wiretranslation.deploy.DeploymentFiles.only;
import static news.wiretranslation.deploy.DeploymentFiles.read;
import static news.wiretranslation.deploy.DeploymentFiles.yamlMap;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.Setting;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.health.Endpoints;
import news.wiretranslation.health.Readiness;
import org.junit.jupiter.api.Test;

/**
 * The deployment files, checked without a Docker engine or a cluster: every YAML parses, every Kubernetes object
 * deserializes into its typed class with no unknown field, kustomize builds the base and the production overlay,
 * the environment they give the service is one the service reads and accepts, probes and ports match the service,
 * and the Dockerfile builds and runs the service as the README says (docs/operations.md gives the Docker commands).
 */
class DeploymentManifestsTest {
    private static final Set<String> SETTINGS = Arrays.stream(Setting.values()).map(Setting::env)
            .collect(Collectors.toCollection(LinkedHashSet::new));

    @Test
    void everyYamlFileInDockerAndK8sParses() {
        List<Path> files = new ArrayList<>(DeploymentFiles.yamlFiles(DOCKER));
        files.addAll(DeploymentFiles.yamlFiles(K8S));
        assertThat(files).as("YAML files").hasSizeGreaterThanOrEqualTo(15);
        for (Path file : files) {
            List<Object> documents = DeploymentFiles.yamlDocuments(file);
            assertThat(documents).as("documents of %s", ROOT.relativize(file)).isNotEmpty()
                    .allSatisfy(d -> assertThat(d).as("a document of %s", ROOT.relativize(file)).isInstanceOf(Map.class));
        }
    }

    @Test
    void everyKubernetesManifestDeserializesIntoTypedObjectsWithoutUnknownFields() {
        int objects = 0;
        for (Path file : DeploymentFiles.yamlFiles(K8S)) {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            for (KubernetesResource object : kubernetesObjects(read(file))) {
                assertTyped(object, ROOT.relativize(file).toString());
                objects++;
            }
        }
        assertThat(objects).isGreaterThanOrEqualTo(12);
    }

    @Test
    void kustomizeBuildsTheBaseAndTheProductionOverlay() throws Exception {
        List<KubernetesResource> base = kubernetesObjects(DeploymentFiles.kustomize(K8S.resolve("base")));
        base.forEach(o -> assertTyped(o, "kubectl kustomize k8s/base"));
        assertThat(base.stream().map(o -> ((HasMetadata) o).getKind()).toList()).containsExactlyInAnyOrder(
                "ConfigMap", "Service", "Service", "StatefulSet", "PodDisruptionBudget", "ScaledObject",
                "ServiceMonitor", "PrometheusRule");

        List<KubernetesResource> production = kubernetesObjects(DeploymentFiles.kustomize(K8S.resolve("overlays/production")));
        production.forEach(o -> assertTyped(o, "kubectl kustomize k8s/overlays/production"));
        assertThat(production).hasSameSizeAs(base)
                .allSatisfy(o -> assertThat(((HasMetadata) o).getMetadata().getNamespace()).isEqualTo("news-translation"));
        StatefulSet statefulSet = only(production, StatefulSet.class);
        assertThat(statefulSet.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example.com/newsroom/wire-translation:0.1.0");
        // the patches merged into the base rather than replacing it
        assertThat(statefulSet.getSpec().getTemplate().getSpec().getContainers().get(0).getReadinessProbe()).isNotNull();
        assertThat(only(production, ConfigMap.class).getData()).containsEntry("TARGET_LANGUAGES", "EN-US,DE,FR")
                .containsEntry("HTTP_BIND_ADDRESS", "0.0.0.0");

        List<KubernetesResource> sasl = kubernetesObjects(DeploymentFiles.kustomize(K8S.resolve("overlays/production-sasl")));
        sasl.forEach(o -> assertTyped(o, "kubectl kustomize k8s/overlays/production-sasl"));
        assertThat(sasl).hasSize(base.size() + 1)
                .allSatisfy(o -> assertThat(((HasMetadata) o).getMetadata().getNamespace()).isEqualTo("news-translation"));

        for (List<KubernetesResource> build : List.of(base, production, sasl)) {
            assertConsistent(build);
        }
    }

    @Test
    void theKubernetesEnvironmentIsMadeOfSettingsTheServiceAccepts() throws Exception {
        for (String dir : List.of("base", "overlays/production")) {
            List<KubernetesResource> objects = kubernetesObjects(DeploymentFiles.kustomize(K8S.resolve(dir)));
            StatefulSet statefulSet = only(objects, StatefulSet.class);
            Container container = statefulSet.getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, String> env = new LinkedHashMap<>(only(objects, ConfigMap.class).getData());
            assertThat(container.getEnvFrom()).filteredOn(from -> from.getConfigMapRef() != null).singleElement().satisfies(from ->
                    assertThat(from.getConfigMapRef().getName()).isEqualTo(only(objects, ConfigMap.class).getMetadata().getName()));
            assertThat(container.getEnvFrom()).filteredOn(from -> from.getSecretRef() != null).singleElement()
                    .satisfies(from -> assertThat(from.getSecretRef().getOptional()).as("the Kafka Secret is optional").isTrue());
            for (EnvVar var : container.getEnv()) {
                if (var.getValueFrom() != null && var.getValueFrom().getFieldRef() != null) {
                    assertThat(var.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
                    env.put(var.getName(), statefulSet.getMetadata().getName() + "-0");
                } else if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
                    // the Secret is created by hand (theDeepLSecretIsNeverPartOfTheBuild...); a key as its command gives it
                    env.put(var.getName(), "a-deepl-key");
                } else {
                    env.put(var.getName(), var.getValue());
                }
            }
            assertThat(env.keySet()).as("environment variables of the pod (%s)", dir).isSubsetOf(SETTINGS)
                    .contains("GROUP_INSTANCE_ID", "DEEPL_AUTH_KEY", "HTTP_BIND_ADDRESS", "STATE_DIR");
            ServiceConfig config = TestConfigs.load(env); // every required setting present, every value valid
            assertThat(config.http().bindAddress()).as("listens beyond loopback, for probes and Prometheus").isEqualTo("0.0.0.0");
            assertThat(config.streams().staticMembership()).isTrue();
            assertThat(config.deepL()).as("TRANSLATOR=deepl has its key").isPresent();

            // ports and probes are the service's
            PodSpec pod = statefulSet.getSpec().getTemplate().getSpec();
            assertThat(container.getPorts()).singleElement().satisfies(port -> {
                assertThat(port.getName()).isEqualTo("http");
                assertThat(port.getContainerPort()).isEqualTo(config.http().port())
                        .isEqualTo(Integer.parseInt(Setting.HTTP_PORT.defaultValue()));
            });
            assertProbe(container.getLivenessProbe(), Endpoints.LIVE);
            assertProbe(container.getStartupProbe(), Endpoints.READY);
            assertProbe(container.getReadinessProbe(), Endpoints.READY);
            assertThat(pod.getTerminationGracePeriodSeconds()).as("SIGTERM's grace period covers SHUTDOWN_TIMEOUT_MS")
                    .isGreaterThan(config.streams().shutdownTimeout().toSeconds() + 5);

            // the state directory is a volume (RocksDB), and /tmp the only other writable path
            assertThat(container.getVolumeMounts()).extracting(m -> m.getMountPath())
                    .containsExactlyInAnyOrder(config.streams().stateDir().orElseThrow(), "/tmp");
            assertThat(statefulSet.getSpec().getVolumeClaimTemplates()).extracting(c -> c.getMetadata().getName())
                    .contains(container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(config.streams().stateDir().orElseThrow()))
                            .findFirst().orElseThrow().getName());

            // security: non-root as the image's user, read-only root file system, no privilege escalation
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(imageUid());
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");

            // memory: a limit, a request no higher, and the limit at or above the heap the image gives the JVM
            Quantity limit = container.getResources().getLimits().get("memory");
            Quantity request = container.getResources().getRequests().get("memory");
            assertThat(limit).isNotNull();
            assertThat(request.getNumericalAmount()).isLessThanOrEqualTo(limit.getNumericalAmount());
            assertThat(container.getArgs()).containsExactly("run");
        }
    }

    @Test
    void composeRunsTwoInstancesWithSettingsTheServiceAccepts() {
        Map<String, Object> compose = yamlMap(DOCKER.resolve("docker-compose.yml"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("kafka", "kafka-init", "schema-registry", "apertium", "wire-translation-1",
                "wire-translation-2", "prometheus", "grafana");

        Set<String> instanceIds = new LinkedHashSet<>();
        for (String name : List.of("wire-translation-1", "wire-translation-2")) {
            Map<String, Object> service = services.get(name);
            Map<String, String> env = DeploymentFiles.composeEnvironment(service);
            assertThat(env.keySet()).as("environment of %s", name).isSubsetOf(SETTINGS);
            ServiceConfig config = TestConfigs.load(env);
            instanceIds.add(config.streams().groupInstanceId().orElseThrow());
            assertThat(config.http().bindAddress()).isEqualTo("0.0.0.0");
            assertThat(config.http().port()).isEqualTo(Integer.parseInt(Setting.HTTP_PORT.defaultValue()));
            assertThat(config.engine()).isEqualTo(ServiceConfig.Engine.APERTIUM);
            assertThat(config.apertium().apyUrl()).contains("http://apertium:2737");
            assertThat(config.bootstrapServers()).isEqualTo("kafka:9092");
            assertThat(config.registry().url()).isEqualTo("http://schema-registry:8081");
            assertThat(service.get("volumes").toString()).contains(":" + config.streams().stateDir().orElseThrow());
            assertThat(durationSeconds(service.get("stop_grace_period").toString()))
                    .as("SIGTERM's grace period covers SHUTDOWN_TIMEOUT_MS").isGreaterThan(config.streams().shutdownTimeout().toSeconds());
            @SuppressWarnings("unchecked")
            Map<String, Object> build = (Map<String, Object>) service.get("build");
            assertThat(DOCKER.resolve(build.get("context").toString()).normalize()).isEqualTo(ROOT);
            assertThat(ROOT.resolve(build.get("dockerfile").toString())).isRegularFile();
            assertThat(service.get("read_only")).isEqualTo(true);
        }
        assertThat(instanceIds).as("each instance its own static-membership id").hasSize(2);

        // the broker is the version the project is built and tested with; the input topic has the partitions
        // that the Kubernetes autoscaler counts on
        String kafkaVersion = Pattern.compile("<kafka.version>([^<]+)</kafka.version>").matcher(read(ROOT.resolve("pom.xml")))
                .results().findFirst().orElseThrow().group(1);
        assertThat(services.get("kafka").get("image")).isEqualTo("apache/kafka:" + kafkaVersion);
        List<String> topicCommand = ((List<?>) services.get("kafka-init").get("command")).stream().map(Object::toString).toList();
        assertThat(topicCommand).contains("articles.raw", "--partitions");
        int partitions = Integer.parseInt(topicCommand.get(topicCommand.indexOf("--partitions") + 1));
        assertThat(partitions).isEqualTo(6);
    }

    @Test
    void envExampleListsEverySettingOnce() {
        List<String> names = new ArrayList<>();
        Pattern assignment = Pattern.compile("^(?:#\\s*)?([A-Z][A-Z0-9_]+)=", Pattern.MULTILINE);
        Matcher m = assignment.matcher(read(DOCKER.resolve(".env.example")));
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).as("settings in docker/.env.example").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(SETTINGS);
    }

    @Test
    void composeMountsThePrometheusAndGrafanaFilesWhereTheirConfigurationsLook() {
        Map<String, Object> compose = yamlMap(DOCKER.resolve("docker-compose.yml"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        Map<String, String> prometheusMounts = mounts(services.get("prometheus"));
        assertThat(prometheusMounts).containsEntry("./prometheus/prometheus.yml", "/etc/prometheus/prometheus.yml")
                .containsEntry("./prometheus/alerts.yml", "/etc/prometheus/alerts.yml");
        Map<String, String> grafanaMounts = mounts(services.get("grafana"));
        assertThat(grafanaMounts).containsEntry("./grafana/provisioning", "/etc/grafana/provisioning");
        assertThat(DOCKER.resolve("grafana/provisioning")).isDirectory();

        Map<String, Object> datasources = yamlMap(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yml"));
        assertThat(datasources.get("datasources").toString()).contains("url=http://prometheus:9090");
        Map<String, Object> dashboards = yamlMap(DOCKER.resolve("grafana/provisioning/dashboards/wire-translation.yml"));
        assertThat(dashboards.get("providers").toString()).contains("path=" + grafanaMounts.get("./grafana/dashboards"));

        // The scrape targets are the two instances' service names and port (the files are the observability work's).
        Path scrapeConfig = DOCKER.resolve("prometheus/prometheus.yml");
        if (Files.exists(scrapeConfig)) {
            String port = DeploymentFiles.composeEnvironment(services.get("wire-translation-1")).get("HTTP_PORT");
            assertThat(read(scrapeConfig)).contains("wire-translation-1:" + port, "wire-translation-2:" + port, Endpoints.METRICS);
        }
    }

    @Test
    void thePrometheusRuleHoldsTheAlertsOfTheComposeRules() {
        PrometheusRule rule = only(kubernetesObjects(read(K8S.resolve("base/prometheusrule.yaml"))), PrometheusRule.class);
        Map<String, String> k8sAlerts = new LinkedHashMap<>();
        rule.getSpec().getGroups().forEach(g -> g.getRules().stream().filter(r -> r.getAlert() != null)
                .forEach(r -> k8sAlerts.put(r.getAlert(), r.getExpr().getStrVal())));
        assertThat(k8sAlerts).isNotEmpty();
        for (Rule alert : rule.getSpec().getGroups().stream().flatMap(g -> g.getRules().stream()).filter(r -> r.getAlert() != null).toList()) {
            assertThat(alert.getLabels()).as("alert %s", alert.getAlert()).containsKey("severity");
        }
        Path composeRules = DOCKER.resolve("prometheus/alerts.yml");
        if (Files.exists(composeRules)) {
            Map<String, String> composeAlerts = new LinkedHashMap<>();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> groups = (List<Map<String, Object>>) yamlMap(composeRules).get("groups");
            for (Map<String, Object> group : groups) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> rules = (List<Map<String, Object>>) group.get("rules");
                rules.stream().filter(r -> r.containsKey("alert"))
                        .forEach(r -> composeAlerts.put(r.get("alert").toString(), r.get("expr").toString()));
            }
            assertThat(k8sAlerts).as("alerts and expressions of the PrometheusRule and docker/prometheus/alerts.yml")
                    .isEqualTo(composeAlerts);
        }
    }

    @Test
    void theDockerfileBuildsAndRunsTheServiceAsTheReadmeSays() {
        String readme = read(ROOT.resolve("README.md"));
        List<String> buildAndRun = codeBlockAfter(readme, "## Run against a Kafka cluster");
        String buildCommand = buildAndRun.stream().filter(line -> line.startsWith("mvn ")).findFirst().orElseThrow();
        String runCommand = buildAndRun.stream().filter(line -> line.startsWith("java ")).findFirst().orElseThrow();
        assertThat(buildCommand).startsWith("mvn ");
        Matcher run = Pattern.compile("java (?:.* )?-jar (\\S+) (\\S+)").matcher(runCommand);
        assertThat(run.find()).as("README's run line: %s", runCommand).isTrue();
        String jar = run.group(1);

        List<String> instructions = DeploymentFiles.dockerfileInstructions(DOCKER.resolve("Dockerfile"));
        assertThat(instructions).as("the build stage runs the README's build command")
                .anySatisfy(i -> assertThat(i).startsWith("RUN ").endsWith(" " + buildCommand));
        String copy = instructions.stream().filter(i -> i.startsWith("COPY --from=build")).findFirst().orElseThrow();
        assertThat(copy).contains("/" + jar + " ");
        String imageJar = copy.substring(copy.lastIndexOf(' ') + 1);
        String entrypoint = instructions.stream().filter(i -> i.startsWith("ENTRYPOINT ")).reduce((a, b) -> b).orElseThrow();
        assertThat(entrypoint).startsWith("ENTRYPOINT [\"java\",").endsWith("\"-jar\", \"" + imageJar + "\"]");
        String cmd = instructions.stream().filter(i -> i.startsWith("CMD ")).reduce((a, b) -> b).orElseThrow();
        assertThat(cmd).isEqualTo("CMD [\"run\"]");
        assertThat(runCommand).endsWith(" run");

        // health check, environment, user
        String healthcheck = instructions.stream().filter(i -> i.startsWith("HEALTHCHECK ")).findFirst().orElseThrow();
        assertThat(healthcheck).contains("GET " + Endpoints.READY + " ", "${HTTP_PORT}", " 200 ");
        Map<String, String> env = dockerfileEnv(instructions);
        assertThat(env.keySet()).isSubsetOf(SETTINGS);
        assertThat(env).containsEntry("HTTP_PORT", Setting.HTTP_PORT.defaultValue()).containsEntry("HTTP_BIND_ADDRESS", "0.0.0.0");
        assertThat(instructions).contains("USER " + imageUid() + ":" + imageUid());

        // the Docker commands of docs/operations.md name these files
        List<String> docker = codeBlockAfter(read(ROOT.resolve("docs/operations.md")), "## Docker");
        assertThat(docker).anySatisfy(line -> assertThat(line).startsWith("docker build -f docker/Dockerfile "));
        assertThat(docker).anySatisfy(line -> assertThat(line).startsWith("docker compose -f docker/docker-compose.yml up"));
        assertThat(docker).anySatisfy(line -> assertThat(line).startsWith("cp docker/.env.example docker/.env"));
    }

    @Test
    void theDockerBuildStageHasEveryModuleOfTheBuild() {
        // Maven refuses a build whose root pom.xml names a module directory that the image lacks.
        List<String> modules = Pattern.compile("<module>([^<]+)</module>").matcher(read(ROOT.resolve("pom.xml")))
                .results().map(m -> m.group(1)).toList();
        assertThat(modules).contains("streams-app");
        List<String> instructions = DeploymentFiles.dockerfileInstructions(DOCKER.resolve("Dockerfile"));
        List<String> ignored = read(ROOT.resolve(".dockerignore")).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(modules).allSatisfy(module -> {
            assertThat(instructions).contains("COPY " + module + " " + module);
            assertThat(ignored).doesNotContain(module, module + "/", "/" + module);
        });
    }

    // ---- issue 17: secrets, scaling, probes, hardening, SASL/TLS, kustomize fields, docs ----

    private static final List<String> BUILDS = List.of("base", "overlays/production", "overlays/production-sasl");
    private static final String NAMESPACE = "news-translation";

    @Test
    void theDeepLSecretIsNeverPartOfTheBuildAndTheDocsCreateItInTheNamespace() throws Exception {
        for (String dir : BUILDS) {
            List<KubernetesResource> objects = kubernetesObjects(DeploymentFiles.kustomize(K8S.resolve(dir)));
            assertThat(objects).as("Secrets in kubectl kustomize k8s/%s: `apply -k` would overwrite the key", dir)
                    .noneMatch(Secret.class::isInstance);
        }
        for (Path file : DeploymentFiles.yamlFiles(K8S)) {
            assertThat(read(file)).as("%s", ROOT.relativize(file)).doesNotContainPattern("(?m)^kind: Secret\\s*$")
                    .doesNotContain("secretGenerator");
        }
        StatefulSet statefulSet = only(kubernetesObjects(DeploymentFiles.kustomize(K8S.resolve("overlays/production"))),
                StatefulSet.class);
        EnvVar key = statefulSet.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(v -> v.getName().equals("DEEPL_AUTH_KEY")).findFirst().orElseThrow();
        String secret = key.getValueFrom().getSecretKeyRef().getName();
        assertThat(key.getValueFrom().getSecretKeyRef().getOptional()).as("a pod waits for the key").isNotEqualTo(Boolean.TRUE);
        assertThat(createSecretCommand(secret)).as("docs/operations.md creates %s", secret)
                .contains(" -n " + NAMESPACE + " ", "--from-literal=" + key.getValueFrom().getSecretKeyRef().getKey() + "=");
    }

    @Test
    void kedaOwnsTheReplicaCount() throws Exception {
        for (String dir : BUILDS) {
            List<KubernetesResource> objects = kubernetesObjects(DeploymentFiles.kustomize(K8S.resolve(dir)));
            StatefulSet statefulSet = only(objects, StatefulSet.class);
            assertThat(statefulSet.getSpec().getReplicas()).as("replicas of the StatefulSet in k8s/%s: each apply would "
                    + "reset KEDA's count", dir).isNull();
            GenericKubernetesResource scaled = scaledObject(objects);
            assertThat(scaled.<String>get("spec", "scaleTargetRef", "name")).isEqualTo(statefulSet.getMetadata().getName());
            assertThat(((Number) scaled.get("spec", "minReplicaCount")).intValue()).isGreaterThanOrEqualTo(2);
        }
        assertThat(read(K8S.resolve("overlays/production/statefulset-patch.yaml"))).doesNotContainPattern("(?m)^\\s*replicas:");
    }

    @Test
    void theStartupProbeWaitsForTheLanguageModels() throws Exception {
        // /health/live answers before the models load; /health/ready says whether they are loaded
        Readiness.Report starting = new Readiness().report();
        assertThat(starting.ready()).isFalse();
        assertThat(starting.checks()).containsKey("languageModels");
        assertThat(starting.checks().get("languageModels").ok()).isFalse();
        for (String dir : BUILDS) {
            Container container = only(kubernetesObjects(DeploymentFiles.kustomize(K8S.resolve(dir))), StatefulSet.class)
                    .getSpec().getTemplate().getSpec().getContainers().get(0);
            Probe startup = container.getStartupProbe();
            assertProbe(startup, Endpoints.READY);
            assertProbe(container.getLivenessProbe(), Endpoints.LIVE);
            assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold())
                    .as("seconds a pod has to load its models, restore its state and find the engine available")
                    .isGreaterThanOrEqualTo(15 * 60);
        }
    }

    @Test
    void thePodHasNoServiceAccountTokenAndTheDefaultSeccompProfile() throws Exception {
        for (String dir : BUILDS) {
            PodSpec pod = only(kubernetesObjects(DeploymentFiles.kustomize(K8S.resolve(dir))), StatefulSet.class)
                    .getSpec().getTemplate().getSpec();
            assertThat(pod.getAutomountServiceAccountToken()).as("automountServiceAccountToken in k8s/%s", dir).isFalse();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            Container container = pod.getContainers().get(0);
            assertThat(container.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(container.getSecurityContext().getPrivileged()).isFalse();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        }
    }

    @Test
    void theSaslOverlayAuthenticatesKedaAndThePodsFromDocumentedSecrets() throws Exception {
        List<KubernetesResource> objects = kubernetesObjects(DeploymentFiles.kustomize(K8S.resolve("overlays/production-sasl")));
        GenericKubernetesResource auth = objects.stream().filter(GenericKubernetesResource.class::isInstance)
                .map(GenericKubernetesResource.class::cast).filter(o -> o.getKind().equals("TriggerAuthentication"))
                .findFirst().orElseThrow(() -> new AssertionError("no TriggerAuthentication in production-sasl"));
        assertThat(auth.getApiVersion()).isEqualTo("keda.sh/v1alpha1");
        assertThat(auth.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
        List<Map<String, Object>> refs = auth.get("spec", "secretTargetRef");
        assertThat(refs).extracting(r -> r.get("parameter")).containsExactlyInAnyOrder("sasl", "username", "password", "tls", "ca");
        Set<Object> kedaSecrets = refs.stream().map(r -> r.get("name")).collect(Collectors.toSet());
        assertThat(kedaSecrets).hasSize(1);
        String kedaCommand = createSecretCommand(kedaSecrets.iterator().next().toString());
        assertThat(kedaCommand).contains(" -n " + NAMESPACE + " ");
        refs.forEach(r -> assertThat(kedaCommand).as("the docs' command gives key %s", r.get("key"))
                .containsPattern("--from-(literal|file)=" + r.get("key") + "="));

        List<Map<String, Object>> triggers = scaledObject(objects).get("spec", "triggers");
        assertThat(triggers).singleElement().satisfies(trigger ->
                assertThat(trigger.get("authenticationRef")).isEqualTo(Map.of("name", auth.getMetadata().getName())));
        for (String dir : List.of("base", "overlays/production")) {
            List<Map<String, Object>> plain = scaledObject(kubernetesObjects(DeploymentFiles.kustomize(K8S.resolve(dir))))
                    .get("spec", "triggers");
            assertThat(plain).as("k8s/%s needs no Kafka credentials", dir).allSatisfy(t -> assertThat(t).doesNotContainKey("authenticationRef"));
        }

        // the pods: Kafka settings from an optional Secret, made of settings the service reads; its trust store mounted
        PodSpec pod = only(objects, StatefulSet.class).getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        EnvFromSource kafka = container.getEnvFrom().stream().filter(f -> f.getSecretRef() != null).findFirst().orElseThrow();
        Map<String, String> kafkaEnv = new LinkedHashMap<>();
        Matcher literal = Pattern.compile("--from-literal=([A-Za-z_]+)=('[^']*'|\\S+)").matcher(createSecretCommand(kafka.getSecretRef().getName()));
        while (literal.find()) {
            kafkaEnv.put(literal.group(1), literal.group(2).replaceAll("^'|'$", ""));
        }
        assertThat(kafkaEnv.keySet()).isSubsetOf(SETTINGS).contains("KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_JAAS_CONFIG");
        io.fabric8.kubernetes.api.model.Volume trustStore = pod.getVolumes().stream().filter(v -> v.getSecret() != null)
                .findFirst().orElseThrow();
        assertThat(trustStore.getSecret().getOptional()).isTrue();
        assertThat(createSecretCommand(trustStore.getSecret().getSecretName())).contains(" -n " + NAMESPACE + " ");
        String mountPath = container.getVolumeMounts().stream().filter(m -> m.getName().equals(trustStore.getName()))
                .findFirst().orElseThrow().getMountPath();
        assertThat(kafkaEnv.get("KAFKA_SSL_TRUSTSTORE_LOCATION")).startsWith(mountPath + "/");
    }

    @Test
    void theOverlaysUseOnlyFieldsThatEveryKustomizeFromTwoOnReads() {
        // Debian bookworm's kubectl 1.20 has kustomize 2.0.3: it refuses "patches" and a directory in "resources"
        // (docs/operations.md: Kustomize versions); kustomize 5 reads the older fields with a warning.
        Set<String> kustomize2 = Set.of("apiVersion", "kind", "namespace", "namePrefix", "nameSuffix", "commonLabels",
                "commonAnnotations", "resources", "bases", "patchesStrategicMerge", "patchesJson6902", "images",
                "configMapGenerator", "generatorOptions", "vars");
        for (Path file : DeploymentFiles.yamlFiles(K8S)) {
            if (!file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            Map<String, Object> kustomization = yamlMap(file);
            assertThat(kustomization.keySet()).as("fields of %s", ROOT.relativize(file)).isSubsetOf(kustomize2);
            @SuppressWarnings("unchecked")
            List<String> resources = (List<String>) kustomization.getOrDefault("resources", List.of());
            assertThat(resources).as("resources of %s are files", ROOT.relativize(file))
                    .allSatisfy(r -> assertThat(file.resolveSibling(r)).isRegularFile());
        }
    }

    @Test
    void theDocsNameTheImagesTheDockerfileUses() {
        String operations = read(ROOT.resolve("docs/operations.md"));
        Matcher arg = Pattern.compile("(?m)^ARG JRE_IMAGE=(\\S+)$").matcher(read(DOCKER.resolve("Dockerfile")));
        assertThat(arg.find()).isTrue();
        assertThat(operations).contains("`" + arg.group(1) + "`");
        assertThat(Pattern.compile("`eclipse-temurin:[^`]*`").matcher(operations).results().map(m -> m.group()).toList())
                .as("every eclipse-temurin image the docs name").containsOnly("`" + arg.group(1) + "`");
    }

    // ---- helpers ----
    /** The docs' {@code kubectl create secret generic NAME ...} command, continuation lines joined. */
    private static String createSecretCommand(String name) {
        String docs = read(ROOT.resolve("docs/operations.md")).replace("\\\n", " ");
        return docs.lines().map(String::strip).filter(l -> l.startsWith("kubectl create secret generic " + name + " "))
                .findFirst().orElseThrow(() -> new AssertionError("docs/operations.md has no `kubectl create secret generic " + name + "`"))
                .replaceAll("\\s+", " ") + " ";
    }

    private static GenericKubernetesResource scaledObject(List<KubernetesResource> objects) {
        List<GenericKubernetesResource> found = objects.stream().filter(GenericKubernetesResource.class::isInstance)
                .map(GenericKubernetesResource.class::cast).filter(o -> o.getKind().equals("ScaledObject")).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }


    /** Kustomize's output hangs together: selectors, ports and names refer to what exists. */
    private static void assertConsistent(List<KubernetesResource> objects) {
        StatefulSet statefulSet = only(objects, StatefulSet.class);
        Map<String, String> podLabels = statefulSet.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsAllEntriesOf(statefulSet.getSpec().getSelector().getMatchLabels());
        List<Service> services = objects.stream().filter(Service.class::isInstance).map(Service.class::cast).toList();
        assertThat(services).allSatisfy(s -> assertThat(podLabels).containsAllEntriesOf(s.getSpec().getSelector()));
        assertThat(services).extracting(s -> s.getMetadata().getName()).contains(statefulSet.getSpec().getServiceName());
        PodDisruptionBudget pdb = only(objects, PodDisruptionBudget.class);
        assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());

        ServiceMonitor monitor = only(objects, ServiceMonitor.class);
        Service metrics = services.stream().filter(s -> s.getMetadata().getLabels().entrySet()
                .containsAll(monitor.getSpec().getSelector().getMatchLabels().entrySet())).collect(Collectors.collectingAndThen(
                        Collectors.toList(), list -> {
                            assertThat(list).as("Services the ServiceMonitor selects").hasSize(1);
                            return list.get(0);
                        }));
        assertThat(metrics.getMetadata().getName()).as("the alert rules' job label").isEqualTo("wire-translation");
        assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.getPath()).isEqualTo(Endpoints.METRICS);
            assertThat(metrics.getSpec().getPorts()).extracting(p -> p.getName()).contains(endpoint.getPort());
        });

        ConfigMap settings = only(objects, ConfigMap.class);
        GenericKubernetesResource scaled = scaledObject(objects);
        Map<String, Object> spec = scaled.get("spec");
        assertThat(scaled.<String>get("spec", "scaleTargetRef", "kind")).isEqualTo("StatefulSet");
        assertThat(scaled.<String>get("spec", "scaleTargetRef", "name")).isEqualTo(statefulSet.getMetadata().getName());
        assertThat(((Number) spec.get("maxReplicaCount")).intValue()).as("at most one pod per input partition").isLessThanOrEqualTo(6);
        List<Map<String, Object>> triggers = scaled.get("spec", "triggers");
        assertThat(triggers).singleElement().satisfies(trigger -> {
            assertThat(trigger.get("type")).isEqualTo("kafka");
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = (Map<String, Object>) trigger.get("metadata");
            assertThat(metadata.get("consumerGroup")).isEqualTo(settings.getData().get("APPLICATION_ID"));
            assertThat(metadata.get("topic")).isEqualTo(settings.getData().get("INPUT_TOPIC"));
            assertThat(metadata.get("bootstrapServers")).isEqualTo(settings.getData().get("KAFKA_BOOTSTRAP_SERVERS"));
        });
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    /** The object is of its kind's class (ScaledObject has none in fabric8), and no field went unrecognised. */
    private static void assertTyped(KubernetesResource object, String where) {
        if (object instanceof GenericKubernetesResource generic) {
            assertThat(generic.getKind()).as("a kind without a typed model in %s", where).isIn("ScaledObject", "TriggerAuthentication");
            assertThat(generic.getApiVersion()).isEqualTo("keda.sh/v1alpha1");
            return;
        }
        List<String> unknown = new ArrayList<>();
        collectUnknownFields(object, "", unknown, new IdentityHashMap<>());
        assertThat(unknown).as("fields the %s model does not know, in %s", object.getClass().getSimpleName(), where).isEmpty();
    }

    private static void collectUnknownFields(Object value, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Iterable<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknownFields(v, path + "." + k, unknown, seen));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method method : value.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || !method.getName().startsWith("get") || method.getName().equals("getClass")) {
                continue;
            }
            try {
                Object property = method.invoke(value);
                if (method.getName().equals("getAdditionalProperties")) {
                    if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + ": " + extra.keySet());
                    }
                } else {
                    collectUnknownFields(property, path + "." + method.getName().substring(3), unknown, seen);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a computed getter that does not apply to this object
            }
        }
    }

    /** The non-comment lines of the first code block after a heading. */
    private static List<String> codeBlockAfter(String markdown, String heading) {
        int at = markdown.indexOf("\n" + heading + "\n");
        assertThat(at).as("section %s", heading).isNotNegative();
        int start = markdown.indexOf("```\n", at) + 4;
        int end = markdown.indexOf("```", start);
        return markdown.substring(start, end).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.replaceAll("\\s+#.*$", "")).toList();
    }

    private static Map<String, String> dockerfileEnv(List<String> instructions) {
        Map<String, String> env = new HashMap<>();
        instructions.stream().filter(i -> i.startsWith("ENV ")).forEach(i -> {
            Matcher m = Pattern.compile("([A-Z_][A-Z0-9_]*)=(\\S+)").matcher(i.substring(4));
            while (m.find()) {
                env.put(m.group(1), m.group(2));
            }
        });
        return env;
    }

    /** The uid the image runs as (the Dockerfile's useradd --uid). */
    private static long imageUid() {
        Matcher m = Pattern.compile("useradd [^\\n]*--uid (\\d+)").matcher(read(DOCKER.resolve("Dockerfile")));
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static Map<String, String> mounts(Map<String, Object> service) {
        Map<String, String> mounts = new LinkedHashMap<>();
        for (Object volume : (List<?>) service.get("volumes")) {
            String[] parts = volume.toString().split(":");
            mounts.put(parts[0], parts[1]);
        }
        return mounts;
    }

    private static long durationSeconds(String composeDuration) {
        Matcher m = Pattern.compile("(\\d+)s").matcher(composeDuration);
        assertThat(m.matches()).as("a duration in seconds: %s", composeDuration).isTrue();
        return Long.parseLong(m.group(1));
    }
}
