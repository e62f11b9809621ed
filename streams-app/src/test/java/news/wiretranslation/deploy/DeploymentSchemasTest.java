package news.wiretranslation.deploy;

import static news.wiretranslation.deploy.DeploymentFiles.DOCKER;
import static news.wiretranslation.deploy.DeploymentFiles.K8S;
import static news.wiretranslation.deploy.DeploymentFiles.kustomize;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deployment files against the schemas of the systems that read them: every object kustomize renders, against
 * Kubernetes' own schemas (and KEDA's and the Prometheus Operator's for their resources); the Compose file against the
 * compose-spec schema. Each validator is shown to refuse a broken file too, so that a pass means something.
 */
class DeploymentSchemasTest {

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production", "overlays/production-sasl"})
    void everyRenderedObjectValidatesAgainstKubernetesSchemas(String kustomization) throws Exception {
        SchemaValidators.Verdict verdict = SchemaValidators.kubernetesObjects(kustomize(K8S.resolve(kustomization)));

        assertThat(verdict.exitCode()).as(verdict.text()).isZero();
        assertThat(verdict.lines()).allMatch(line -> line.startsWith("ok "))
                .anyMatch(line -> line.startsWith("ok apps/v1 StatefulSet"))
                .anyMatch(line -> line.startsWith("ok policy/v1 PodDisruptionBudget"))
                .anyMatch(line -> line.startsWith("ok keda.sh/v1alpha1 ScaledObject"))
                .anyMatch(line -> line.startsWith("ok monitoring.coreos.com/v1 PrometheusRule"));
    }

    @Test
    void aBrokenObjectIsRefusedNamingWhatIsWrong() throws Exception {
        String broken = kustomize(K8S.resolve("base")).replace("containerPort: 8080", "containerPort: eighty");

        SchemaValidators.Verdict verdict = SchemaValidators.kubernetesObjects(broken);

        assertThat(verdict.exitCode()).isEqualTo(1);
        assertThat(verdict.text()).contains("INVALID StatefulSet wire-translation", "containerPort");
    }

    @Test
    void theComposeFileValidatesAgainstTheComposeSpec() throws Exception {
        SchemaValidators.Verdict verdict = SchemaValidators.composeFile(DOCKER.resolve("docker-compose.yml"));

        assertThat(verdict.exitCode()).as(verdict.text()).isZero();
        assertThat(verdict.text()).startsWith("ok ");
    }

    @Test
    void aBrokenComposeFileIsRefused(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("docker-compose.yml");
        Files.writeString(broken, "services:\n  kafka:\n    image: apache/kafka\n    restart_policy: always\n");

        SchemaValidators.Verdict verdict = SchemaValidators.composeFile(broken);

        assertThat(verdict.exitCode()).isEqualTo(1);
        assertThat(verdict.text()).contains("INVALID", "/services/kafka", "additional properties");
    }
}
