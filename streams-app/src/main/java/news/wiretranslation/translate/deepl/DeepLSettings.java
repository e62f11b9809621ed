package news.wiretranslation.translate.deepl;

import news.wiretranslation.config.DeepLCustomizations;

import java.time.Duration;
import java.util.Map;

/**
 * How to reach DeepL. Kept apart from {@link DeepLTranslator} so that configuration code can build, validate and
 * log it without touching the network.
 *
 * <p>{@link #toString()} hides the auth key: settings end up in logs and exception messages, the key must not.
 *
 * @param authKey   the DeepL API key (setting {@value #AUTH_KEY_SETTING}); required
 * @param serverUrl base URL such as {@code https://api.deepl.com} or a stand-in's {@code http://127.0.0.1:port};
 *                  null lets deepl-java choose from the key (free keys end in {@code :fx})
 * @param timeout   connect and read timeout of one HTTP request; null means {@link #DEFAULT_TIMEOUT}. deepl-java
 *                  never waits less than about one second for the first attempt, whatever is set here.
 * @param modelType DeepL's {@code model_type} (e.g. {@code quality_optimized}); null sends none and lets DeepL choose
 * @param formality DeepL's {@code formality} by target code (upper case, e.g. {@code DE} -> {@code more}); targets
 *                  not in it get DeepL's default
 * @param headlineAsContext send each article's headline as DeepL's {@code context}
 * @param modelTypeByTarget DeepL's {@code model_type} by target code (upper case), where it differs from {@code modelType}
 * @param proxy     the HTTP proxy to reach DeepL through ({@code DEEPL_PROXY_URL}), or null for a direct connection
 * @param headers   extra HTTP headers sent with every request ({@code DEEPL_EXTRA_HEADERS}); their values may carry
 *                  credentials and are never shown
 * @param customizations style rules, custom instructions, DeepL-managed glossaries, DeepL translation memories (per
 *                  target) and the reporting tag
 */
public record DeepLSettings(String authKey, String serverUrl, Duration timeout, String modelType,
                            Map<String, String> formality, boolean headlineAsContext, Map<String, String> modelTypeByTarget,
                            DeepLProxy proxy, Map<String, String> headers, DeepLCustomizations customizations) {

    /** Name of the setting (environment variable) that carries the key; error messages point the operator here. */
    public static final String AUTH_KEY_SETTING = "DEEPL_AUTH_KEY";

    /** Long enough for a full 50-text request, short enough not to stall a stream thread for long. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public DeepLSettings {
        if (authKey == null || authKey.isBlank()) {
            throw new IllegalArgumentException("DeepL auth key is missing: set " + AUTH_KEY_SETTING);
        }
        if (timeout == null) {
            timeout = DEFAULT_TIMEOUT;
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("DeepL timeout must be positive, was " + timeout);
        }
        serverUrl = blankToNull(serverUrl);
        modelType = blankToNull(modelType);
        formality = formality == null ? Map.of() : Map.copyOf(formality);
        modelTypeByTarget = modelTypeByTarget == null ? Map.of() : Map.copyOf(modelTypeByTarget);
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
        customizations = customizations == null ? DeepLCustomizations.NONE : customizations;
    }

    /** Settings without style rules, instructions, DeepL-managed glossaries, translation memories or reporting tag. */
    public DeepLSettings(String authKey, String serverUrl, Duration timeout, String modelType,
                         Map<String, String> formality, boolean headlineAsContext, Map<String, String> modelTypeByTarget,
                         DeepLProxy proxy, Map<String, String> headers) {
        this(authKey, serverUrl, timeout, modelType, formality, headlineAsContext, modelTypeByTarget, proxy, headers,
                DeepLCustomizations.NONE);
    }

    /** The extra headers and the reporting tag: every header sent besides those deepl-java sets itself. */
    public Map<String, String> requestHeaders() {
        if (customizations.reportingTag().isEmpty()) {
            return headers;
        }
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put(DeepLCustomizations.REPORTING_TAG_HEADER, customizations.reportingTag().get());
        return all;
    }

    /** Settings without a proxy or extra headers. */
    public DeepLSettings(String authKey, String serverUrl, Duration timeout, String modelType,
                         Map<String, String> formality, boolean headlineAsContext, Map<String, String> modelTypeByTarget) {
        this(authKey, serverUrl, timeout, modelType, formality, headlineAsContext, modelTypeByTarget, null, Map.of(),
                DeepLCustomizations.NONE);
    }

    /** Settings with one model type for every target. */
    public DeepLSettings(String authKey, String serverUrl, Duration timeout, String modelType,
                         Map<String, String> formality, boolean headlineAsContext) {
        this(authKey, serverUrl, timeout, modelType, formality, headlineAsContext, Map.of());
    }

    /** The model type for requests into {@code targetLanguage}, or null for DeepL's default. */
    public String modelTypeFor(String targetLanguage) {
        return modelTypeByTarget.getOrDefault(targetLanguage.toUpperCase(java.util.Locale.ROOT), modelType);
    }

    /** Settings without formality or context. */
    public DeepLSettings(String authKey, String serverUrl, Duration timeout, String modelType) {
        this(authKey, serverUrl, timeout, modelType, Map.of(), false);
    }

    /** Settings with the client's default server, {@link #DEFAULT_TIMEOUT} and DeepL's default model. */
    public static DeepLSettings of(String authKey) {
        return new DeepLSettings(authKey, null, null, null);
    }

    @Override
    public String toString() {
        return "DeepLSettings[authKey=<hidden>, serverUrl=" + (serverUrl == null ? "<client default>" : serverUrl)
                + ", timeout=" + timeout + ", modelType=" + (modelType == null ? "<default>" : modelType)
                + ", modelTypeByTarget=" + modelTypeByTarget + ", formality=" + formality
                + ", headlineAsContext=" + headlineAsContext + ", proxy=" + (proxy == null ? "none" : proxy)
                + ", headers=" + headers.keySet() + " (values hidden), customizations=" + customizations + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
