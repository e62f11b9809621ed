package news.wiretranslation.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates an {@code https://} registry is trusted by, from Confluent's settings
 * {@code schema.registry.ssl.truststore.location}, {@code .password} and {@code .type}.
 *
 * <p>Without one the JVM's default trust store (the public CAs) is used. The password is masked by
 * {@link #toString()}, and no message echoes it.
 *
 * @param location the trust store file
 * @param password its password, if it has one (a PKCS12 file of certificates only may have none)
 * @param type     {@code JKS} (Confluent's default; the JDK reads PKCS12 files under this type too) or {@code PKCS12}
 */
public record RegistryTrustStore(Path location, Optional<String> password, String type) {

    public static final String DEFAULT_TYPE = "JKS";

    public RegistryTrustStore {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(password, "password");
        type = type == null || type.isBlank() ? DEFAULT_TYPE : type.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * Reads the file: done once when the settings are read, so that a wrong path, type or password stops start-up
     * with a message naming the setting rather than failing every registry call.
     *
     * @throws IllegalArgumentException naming the setting at fault, never showing the password
     */
    KeyStore load() {
        if (!Files.isRegularFile(location)) {
            throw new IllegalArgumentException(SchemaRegistryClientConfig.SSL_TRUSTSTORE_LOCATION_CONFIG + " '"
                    + location + "': no such file");
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance(type);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(SchemaRegistryClientConfig.SSL_TRUSTSTORE_TYPE_CONFIG + " '" + type
                    + "' is not a key store type this JVM knows: use JKS or PKCS12", e);
        }
        try (InputStream in = Files.newInputStream(location)) {
            store.load(in, password.map(String::toCharArray).orElse(null));
        } catch (IOException | GeneralSecurityException e) {
            // A wrong password surfaces as an IOException whose cause is an UnrecoverableKeyException.
            throw new IllegalArgumentException("Cannot read the trust store " + location + " ("
                    + SchemaRegistryClientConfig.SSL_TRUSTSTORE_LOCATION_CONFIG + ") as " + type + " with the given "
                    + SchemaRegistryClientConfig.SSL_TRUSTSTORE_PASSWORD_CONFIG + ": " + e.getMessage(), e);
        }
        try {
            if (store.size() == 0) {
                throw new IllegalArgumentException("The trust store " + location + " ("
                        + SchemaRegistryClientConfig.SSL_TRUSTSTORE_LOCATION_CONFIG + ") holds no certificate"
                        + (password.isEmpty() ? " that can be read without "
                        + SchemaRegistryClientConfig.SSL_TRUSTSTORE_PASSWORD_CONFIG : ""));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the trust store " + location + ": " + e.getMessage(), e);
        }
        return store;
    }

    /** A TLS context that trusts exactly the certificates in this store. */
    SSLContext sslContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot build a TLS context from the trust store " + location + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "RegistryTrustStore[location=" + location + ", password=" + password.map(p -> "****").orElse("none")
                + ", type=" + type + "]";
    }
}
