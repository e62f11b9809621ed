package news.wiretranslation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code https://} registry on 127.0.0.1 with a self-signed certificate made by the JDK's keytool: trusted through
 * {@code schema.registry.ssl.truststore.*}, refused without it, and every mistake in those settings named.
 */
class RestSchemaRegistryClientTlsTest {

    private static final String STORE_PASSWORD = "changeit-tls-test";

    @TempDir
    static Path dir;
    private static Path serverKeys;
    private static Path trustJks;
    private static Path trustP12;
    private static HttpsServer server;

    @BeforeAll
    static void startHttpsRegistry() throws Exception {
        serverKeys = dir.resolve("server.p12");
        keytool("-J-XX:TieredStopAtLevel=1", "-genkeypair", "-alias", "registry", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-keystore", serverKeys.toString(),
                "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(serverKeys)) {
            keys.load(in, STORE_PASSWORD.toCharArray());
        }
        // The trust stores hold the server's certificate alone, as an operator's would.
        trustJks = trustStore(keys, "JKS", "trust.jks");
        trustP12 = trustStore(keys, "PKCS12", "trust.p12");

        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, STORE_PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/schemas/ids/7", exchange -> {
            byte[] body = "{\"schema\":\"\\\"string\\\"\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static Path trustStore(KeyStore keys, String type, String name) throws Exception {
        KeyStore trust = KeyStore.getInstance(type);
        trust.load(null, null);
        trust.setCertificateEntry("registry", keys.getCertificate("registry"));
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            trust.store(out, STORE_PASSWORD.toCharArray());
        }
        return file;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }

    private static String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    private static Map<String, Object> settings(String... pairs) {
        Map<String, Object> configs = new HashMap<>();
        configs.put("schema.registry.url", url());
        configs.put("http.connect.timeout.ms", 5000);
        configs.put("http.read.timeout.ms", 5000);
        configs.put("max.retries", 0);
        for (int i = 0; i < pairs.length; i += 2) {
            configs.put(pairs[i], pairs[i + 1]);
        }
        return configs;
    }

    private static RestSchemaRegistryClient client(String... pairs) {
        return new RestSchemaRegistryClient(SchemaRegistryClientConfig.from(settings(pairs)));
    }

    @Test
    void registryWhoseCertificateIsInTheTrustStoreIsReached() {
        RestSchemaRegistryClient client = client("schema.registry.ssl.truststore.location", trustJks.toString(),
                "schema.registry.ssl.truststore.password", STORE_PASSWORD);

        assertThat(client.schemaById(7)).isEqualTo(Schema.create(Schema.Type.STRING));
    }

    @Test
    void pkcs12TrustStoresWorkToo() {
        assertThat(client("schema.registry.ssl.truststore.location", trustP12.toString(),
                "schema.registry.ssl.truststore.type", "PKCS12",
                "schema.registry.ssl.truststore.password", STORE_PASSWORD).schemaById(7))
                .isEqualTo(Schema.create(Schema.Type.STRING));
    }

    @Test
    void trustStoreThatShowsNoCertificateWithoutItsPasswordSaysSo() {
        // keytool encrypts the certificates of a PKCS12 file: without the password the store looks empty.
        assertThatThrownBy(() -> client("schema.registry.ssl.truststore.location", trustP12.toString(),
                "schema.registry.ssl.truststore.type", "PKCS12"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no certificate")
                .hasMessageContaining("schema.registry.ssl.truststore.password");
    }

    @Test
    void untrustedCertificateFailsRetriablyPointingAtTheTrustStoreSetting() {
        SchemaRegistryException failure = catchThrowableOfType(SchemaRegistryException.class,
                () -> client().schemaById(7));

        assertThat(failure.httpStatus()).isEqualTo(SchemaRegistryException.NO_HTTP_STATUS);
        assertThat(failure.getMessage()).contains("schema id 7", "TLS handshake failed",
                "schema.registry.ssl.truststore.location");
    }

    @Test
    void trustStoreMistakesAreNamedAtConfigureTimeWithoutShowingThePassword() {
        assertThatThrownBy(() -> client("schema.registry.ssl.truststore.location", dir.resolve("nope.jks").toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema.registry.ssl.truststore.location").hasMessageContaining("no such file");
        assertThatThrownBy(() -> client("schema.registry.ssl.truststore.location", trustJks.toString(),
                "schema.registry.ssl.truststore.password", "wrong-password-123"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema.registry.ssl.truststore.password")
                .hasMessageNotContaining("wrong-password-123");
        assertThatThrownBy(() -> client("schema.registry.ssl.truststore.location", trustJks.toString(),
                "schema.registry.ssl.truststore.type", "PEMISH"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema.registry.ssl.truststore.type");
        assertThatThrownBy(() -> client("schema.registry.ssl.truststore.password", STORE_PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema.registry.ssl.truststore.location");
    }

    @Test
    void configNeverPrintsTheTrustStorePassword() {
        SchemaRegistryClientConfig config = SchemaRegistryClientConfig.from(settings(
                "schema.registry.ssl.truststore.location", trustJks.toString(),
                "schema.registry.ssl.truststore.password", STORE_PASSWORD));

        assertThat(config.toString()).contains(trustJks.toString()).doesNotContain(STORE_PASSWORD);
    }
}
