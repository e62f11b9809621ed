package news.wiretranslation.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * HTTP Basic credentials for the registry, from {@code basic.auth.user.info=user:password}.
 *
 * <p>A type of its own so that the password cannot leak by accident: {@link #toString()} masks it, and so does every
 * config object that holds one.
 *
 * @param username the user name (may be an API key)
 * @param password the password (may be an API secret)
 */
public record BasicAuthCredentials(String username, String password) {

    public BasicAuthCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /**
     * Parses Confluent's {@code user:password} form. The user name ends at the first colon; the password may contain
     * colons.
     *
     * @throws IllegalArgumentException naming {@code basic.auth.user.info}, never echoing the value
     */
    public static BasicAuthCredentials parse(String userInfo) {
        int colon = userInfo == null ? -1 : userInfo.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(SchemaRegistryClientConfig.USER_INFO_CONFIG
                    + " must have the form user:password (value not shown)");
        }
        return new BasicAuthCredentials(userInfo.substring(0, colon), userInfo.substring(colon + 1));
    }

    /** The value of the {@code Authorization} header. */
    public String authorizationHeader() {
        String userInfo = username + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BasicAuthCredentials[username=" + username + ", password=****]";
    }
}
