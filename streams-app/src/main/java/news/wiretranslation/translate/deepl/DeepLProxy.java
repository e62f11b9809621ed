package news.wiretranslation.translate.deepl;

import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;

/**
 * The HTTP proxy DeepL is reached through (setting {@code DEEPL_PROXY_URL}), with its credentials if it wants any.
 *
 * <p>deepl-java takes a {@link Proxy} but has no option for the proxy's credentials, so they are answered by an
 * {@link Authenticator} that replies only to this proxy's own challenge (407 from this host and port) and defers
 * every other request to the authenticator installed before it.
 *
 * <p>HTTPS through the proxy (CONNECT, which is how DeepL's https API is reached) needs one more step: the JDK does
 * not offer Basic credentials when tunnelling unless {@value #TUNNELING_DISABLED_SCHEMES} leaves Basic out (its
 * default is {@code Basic}). The service clears it itself, once, when a proxy with credentials is configured and the
 * operator has not set the property; the JDK reads it when it first opens an HTTP connection, which in the service
 * is deepl-java's first request, after this. What that allows: Basic credentials sent to a proxy that asks for
 * them, as they are for plain HTTP through it (the CONNECT request itself is never encrypted, whatever the scheme);
 * the TLS session to DeepL, and its certificate checks, are unchanged. See docs/configuration.md.
 *
 * <p>{@link #toString()} hides the password: settings reach logs and messages.
 */
public record DeepLProxy(String host, int port, String user, String password) {

    public DeepLProxy {
        if (host == null || host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("a proxy needs a host and a port 1-65535");
        }
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException("proxy credentials need both user and password");
        }
    }

    /** From a validated {@code http://[user:password@]host:port} (percent-encoding in the credentials decoded); null gives null. */
    public static DeepLProxy of(java.net.URI url) {
        if (url == null) {
            return null;
        }
        String userInfo = url.getUserInfo();
        int colon = userInfo == null ? -1 : userInfo.indexOf(':');
        return new DeepLProxy(url.getHost(), url.getPort(), colon < 0 ? null : userInfo.substring(0, colon),
                colon < 0 ? null : userInfo.substring(colon + 1));
    }

    /** The proxy deepl-java opens its connections through. */
    public Proxy proxy() {
        return new Proxy(Proxy.Type.HTTP, new InetSocketAddress(host, port));
    }

    public boolean hasCredentials() {
        return user != null;
    }

    /** The JDK's system property of the schemes it refuses for tunnelling proxies ({@code Basic} by default). */
    public static final String TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

    /**
     * Installs, once per proxy and credentials, the authenticator that answers this proxy's 407s, and lets the JDK
     * offer Basic credentials for HTTPS tunnels unless the operator chose otherwise.
     */
    void installAuthenticator() {
        if (!hasCredentials()) {
            return;
        }
        synchronized (DeepLProxy.class) {
            if (System.getProperty(TUNNELING_DISABLED_SCHEMES) == null) {
                System.setProperty(TUNNELING_DISABLED_SCHEMES, "");
            }
            Authenticator previous = Authenticator.getDefault();
            if (previous instanceof ProxyAuthenticator existing && existing.proxy.equals(this)) {
                return;
            }
            Authenticator.setDefault(new ProxyAuthenticator(this, previous));
        }
    }

    @Override
    public String toString() {
        return "DeepLProxy[http://" + (user == null ? "" : "<user>:<hidden>@") + host + ":" + port + "]";
    }

    /** Answers the proxy's challenge only; anything else goes to the authenticator that was there before. */
    private static final class ProxyAuthenticator extends Authenticator {
        private final DeepLProxy proxy;
        private final Authenticator previous;

        ProxyAuthenticator(DeepLProxy proxy, Authenticator previous) {
            this.proxy = proxy;
            this.previous = previous;
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            if (getRequestorType() == RequestorType.PROXY && proxy.host().equalsIgnoreCase(getRequestingHost())
                    && getRequestingPort() == proxy.port()) {
                return new PasswordAuthentication(proxy.user(), proxy.password().toCharArray());
            }
            if (previous == null) {
                return null;
            }
            return previous.requestPasswordAuthenticationInstance(getRequestingHost(), getRequestingSite(),
                    getRequestingPort(), getRequestingProtocol(), getRequestingPrompt(), getRequestingScheme(),
                    getRequestingURL(), getRequestorType());
        }
    }
}
