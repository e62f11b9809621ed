package news.wiretranslation.translate.deepl;

import com.deepl.api.DeepLClient;
import com.deepl.api.DeepLClientOptions;
import com.deepl.api.DeepLException;
import com.deepl.api.TextResult;
import com.deepl.api.TextTranslationOptions;
import com.deepl.api.Usage;
import news.wiretranslation.config.BuildInfo;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.Translator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The {@link Translator} backed by DeepL's API through the official client, deepl-java.
 *
 * <p>One {@link TranslationRequest} becomes as few HTTP requests as DeepL's limits allow (see
 * {@link RequestChunker}); they are sent one after another and their results put back in order. The client is built
 * with retries switched off: the pipeline owns retries and pauses, and deepl-java's own backoff could hold a stream
 * thread for over a minute.
 *
 * <p>Empty texts are not sent (deepl-java refuses them) and come back empty. The source language is always passed
 * explicitly: the pipeline has already detected it, and DeepL's own detection on a short headline is weaker.
 *
 * <p>Thread-safe: deepl-java opens one connection per call and keeps no per-request state.
 */
public final class DeepLTranslator implements Translator {

    /** The engine name written into every label. */
    public static final String ENGINE = "deepl";

    /** The application name DeepL sees in the User-Agent. */
    static final String APP_NAME = "wire-translation";

    private static final Logger LOG = LoggerFactory.getLogger(DeepLTranslator.class);

    private final DeepLSettings settings;
    private final DeepLClient client;
    private final TextTranslationOptions translationOptions;

    public DeepLTranslator(DeepLSettings settings) {
        this.settings = settings;
        this.client = new StatusReportingDeepLClient(settings.authKey(), clientOptions(settings));
        this.translationOptions = new TextTranslationOptions();
        if (settings.modelType() != null) {
            translationOptions.setModelType(settings.modelType());
        }
    }

    private static DeepLClientOptions clientOptions(DeepLSettings settings) {
        DeepLClientOptions options = new DeepLClientOptions();
        options.setMaxRetries(0)
                .setTimeout(settings.timeout())
                .setAppInfo(APP_NAME, BuildInfo.version());
        if (settings.serverUrl() != null) {
            options.setServerUrl(settings.serverUrl());
        }
        return options;
    }

    @Override
    public String engine() {
        return ENGINE;
    }

    @Override
    public String settings() {
        return "model_type=" + (settings.modelType() == null ? "default" : settings.modelType());
    }

    @Override
    public TranslationResult translate(TranslationRequest request) throws TranslationException {
        List<String> texts = request.texts();
        List<Integer> sentPositions = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!texts.get(i).isEmpty()) {
                sentPositions.add(i);
                sent.add(texts.get(i));
            }
        }
        List<List<String>> chunks = RequestChunker.chunk(sent);

        List<TextResult> results = new ArrayList<>(sent.size());
        for (int c = 0; c < chunks.size(); c++) {
            results.addAll(translateChunk(request, chunks.get(c), c + 1, chunks.size()));
        }

        String[] translated = new String[texts.size()];
        Arrays.fill(translated, "");
        Long[] billedPerText = new Long[texts.size()];
        Arrays.fill(billedPerText, 0L);
        long billed = 0;
        String model = null;
        for (int r = 0; r < results.size(); r++) {
            TextResult result = results.get(r);
            translated[sentPositions.get(r)] = result.getText();
            billedPerText[sentPositions.get(r)] = (long) result.getBilledCharacters();
            billed += result.getBilledCharacters();
            if (model == null) {
                model = result.getModelTypeUsed();
            }
        }
        String detected = results.isEmpty() ? null : lowerCase(results.get(0).getDetectedSourceLanguage());
        LOG.debug("DeepL translated {} texts {} -> {} in {} requests, {} characters billed",
                sent.size(), request.sourceLanguage(), request.targetLanguage(), chunks.size(), billed);
        return new TranslationResult(List.of(translated), ENGINE, model, detected, billed, List.of(billedPerText));
    }

    private List<TextResult> translateChunk(TranslationRequest request, List<String> chunk, int number, int of)
            throws TranslationException {
        String action = "translating " + request.sourceLanguage() + " -> " + request.targetLanguage()
                + " (request " + number + " of " + of + ", " + chunk.size() + " texts)";
        List<TextResult> results = call(action, () -> client.translateText(
                chunk, request.sourceLanguage(), request.targetLanguage(), translationOptions));
        if (results == null || results.size() != chunk.size()) {
            throw new TranslationException(TranslationException.Kind.SERVER_ERROR, "DeepL answered "
                    + (results == null ? "nothing" : results.size() + " translations") + " for " + chunk.size()
                    + " texts while " + action);
        }
        return results;
    }

    /**
     * Asks DeepL for the account's usage: cheap, and it fails with 403 when the key is wrong. A used-up quota is
     * only logged: it pauses translation later but is no reason to stop the service.
     */
    @Override
    public void verify() throws TranslationException {
        Usage usage = call("checking the DeepL account (usage)", client::getUsage);
        if (usage != null && usage.anyLimitReached()) {
            LOG.warn("DeepL reports a usage limit reached: {}; translations will pause until it resets", usage);
        } else {
            LOG.info("DeepL account reachable: {}", usage);
        }
    }

    /**
     * Asks DeepL's usage endpoint (it bills nothing) whether translation can resume: fails with
     * {@link TranslationException.Kind#QUOTA_EXCEEDED} while a usage limit is reached, and with what the call met
     * otherwise (a server still failing, a key revoked meanwhile).
     */
    @Override
    public void probe() throws TranslationException {
        Usage usage = call("probing the DeepL account (usage)", client::getUsage);
        if (usage != null && usage.anyLimitReached()) {
            throw new TranslationException(TranslationException.Kind.QUOTA_EXCEEDED,
                    "DeepL reports the character quota of this billing period used up: " + usage);
        }
    }

    /** deepl-java holds no connections or threads between calls, so there is nothing to release. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "DeepLTranslator[" + settings + "]";
    }

    private <T> T call(String action, DeepLCall<T> call) throws TranslationException {
        try {
            return call.run();
        } catch (DeepLException | InterruptedException | RuntimeException e) {
            throw DeepLFailures.classify(e, action, settings.authKey());
        }
    }

    private static String lowerCase(String language) {
        return language == null ? null : language.toLowerCase(Locale.ROOT);
    }

    /** One call into deepl-java, with the exceptions it declares. */
    @FunctionalInterface
    private interface DeepLCall<T> {
        T run() throws DeepLException, InterruptedException;
    }
}
