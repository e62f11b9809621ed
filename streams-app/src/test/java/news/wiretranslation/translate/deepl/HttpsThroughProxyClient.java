package news.wiretranslation.translate.deepl;

import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationOptions;
import news.wiretranslation.translate.TranslationRequest;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;

/**
 * One translation through {@link DeepLTranslator} with a proxy, in a JVM of its own, as the service makes it: for
 * {@link DeepLHttpsProxyTest}, which needs a JVM where no HTTP connection was opened before the service's settings
 * apply (the JDK reads its tunnelling setting once). The JVM trusts only the test's own certificate: this JVM makes
 * no other connection.
 *
 * <p>Arguments: server URL, auth key, proxy URL, trust store (PKCS12), its password. Prints {@code translated: <text>}
 * and exits 0, or {@code failed: <kind>: <message>} and exits 1.
 */
public final class HttpsThroughProxyClient {
    private HttpsThroughProxyClient() {
    }

    public static void main(String[] args) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(args[3]))) {
            trusted.load(in, args[4].toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        // deepl-java opens HttpsURLConnections with the JVM's default socket factory and offers no hook of its own.
        HttpsURLConnection.setDefaultSSLSocketFactory(tls.getSocketFactory());

        DeepLTranslator translator = new DeepLTranslator(new DeepLSettings(args[1], args[0], Duration.ofSeconds(10), null,
                java.util.Map.of(), false, java.util.Map.of(), DeepLProxy.of(URI.create(args[2])), java.util.Map.of()));
        try {
            String text = translator.translate(new TranslationRequest("fr", "DE", List.of("Bonjour par le tunnel"),
                    TranslationOptions.NONE)).texts().get(0);
            System.out.println("translated: " + text);
            System.exit(0);
        } catch (TranslationException e) {
            System.out.println("failed: " + e.kind() + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
