package news.wiretranslation.translate.deepl;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTPS to DeepL through a proxy that wants Basic credentials (CONNECT), as a company proxy does: a TLS stand-in
 * with a certificate made for the test, a CONNECT proxy, both on 127.0.0.1, and the translation made in a JVM of its
 * own ({@link HttpsThroughProxyClient}) started without any JVM flag: the JDK reads its tunnelling setting when it
 * opens its first HTTP connection, so only a fresh JVM shows what the service sets by itself.
 */
class DeepLHttpsProxyTest {
    private static final String STORE_PASSWORD = "test-only";

    @TempDir
    Path dir;
    private DeepLStandIn standIn;
    private ConnectProxy proxy;
    private Path keyStore;

    @BeforeEach
    void start() throws Exception {
        keyStore = dir.resolve("stand-in.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "stand-in", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD).redirectErrorStream(true).start();
        String keytoolOutput = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(120, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(keytool.exitValue()).as(keytoolOutput).isZero();

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, STORE_PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        standIn = new DeepLStandIn().startTls(tls);
        proxy = new ConnectProxy("newsroom", "s3cret:@x");
    }

    @AfterEach
    void stop() throws IOException {
        standIn.close();
        proxy.close();
    }

    /** Runs {@link HttpsThroughProxyClient} in a new JVM: its output and exit code. */
    private ClientRun translateInANewJvm(String proxyUser, String proxyPassword, String... jvmFlags) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(jvmFlags));
        command.addAll(List.of(HttpsThroughProxyClient.class.getName(), standIn.url(), standIn.authKey(),
                "http://" + proxyUser + ":" + proxyPassword + "@127.0.0.1:" + proxy.port(), keyStore.toString(),
                STORE_PASSWORD));
        Process client = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(client.waitFor(120, TimeUnit.SECONDS)).as("the client JVM finished").isTrue();
        return new ClientRun(client.exitValue(), output);
    }

    private record ClientRun(int exitCode, String output) {
    }

    @Test
    void httpsGoesThroughAProxyWithBasicCredentialsWithoutAnyJvmFlag() throws Exception {
        assertThat(standIn.url()).startsWith("https://127.0.0.1:");

        // The password percent-encoded as docs/configuration.md says (':' and '@' in it).
        ClientRun run = translateInANewJvm("newsroom", "s3cret%3A%40x");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("translated: [DE] Bonjour par le tunnel");
        assertThat(proxy.tunnels()).as("DeepL reached through the proxy's tunnel").containsExactly("127.0.0.1:" + standIn.port());
        assertThat(proxy.challenged()).as("the JDK asked for credentials only after the proxy's challenge")
                .containsExactly("127.0.0.1:" + standIn.port() + " without credentials");
        assertThat(standIn.requests()).singleElement().satisfies(r -> assertThat(r.texts()).containsExactly("Bonjour par le tunnel"));
        assertThat(standIn.headerValues("Proxy-Authorization")).as("the credentials stay with the proxy").containsOnlyNulls();
    }

    @Test
    void anOperatorsOwnChoiceOfTheJdkSettingIsKeptAndTheProxysRefusalHoldsTheRequest() throws Exception {
        ClientRun run = translateInANewJvm("newsroom", "s3cret%3A%40x", "-Djdk.http.auth.tunneling.disabledSchemes=Basic");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).as("a configuration fault naming the setting, not a dead letter")
                .contains("failed: CONFIGURATION").contains("DEEPL_PROXY_URL").doesNotContain("s3cret");
        assertThat(proxy.tunnels()).isEmpty();
        assertThat(standIn.requests()).isEmpty();
    }
}
