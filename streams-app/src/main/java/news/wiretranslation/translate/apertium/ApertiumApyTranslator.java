package news.wiretranslation.translate.apertium;

import com.fasterxml.jackson.databind.JsonNode;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationException.Kind;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.Translator;
import news.wiretranslation.translate.apertium.ApertiumPairs.Pair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Translator} backed by an Apertium-APY server: the same engine as {@link ApertiumCliTranslator}, for
 * hosts without Apertium installed. APY keeps its pipelines running, so a text costs milliseconds instead of a
 * process start.
 *
 * <p>The installed pairs come from {@code GET /listPairs} (APY lists ISO 639-3 codes, e.g. {@code fra}→{@code spa}),
 * fetched on first use or by {@link #verify()} and then kept: pairs added to the server later need a restart. Routes
 * and pivots are found here, like for the command line ({@link ApertiumPairs#route}), rather than with APY's
 * {@code /translateChain}, so that both backends choose and report the same routes.
 *
 * <p>Each text is one {@code POST /translate} per hop, form-encoded:
 * {@code langpair=fra%7Cspa&q=...&format=txt&markUnknown=no}. One text per request because APY reads a single
 * {@code q}: its handler calls Tornado's {@code get_argument('q')}, which keeps only the last of repeated parameters.
 * {@code format=txt} makes APY read plain text (its default is HTML, which would eat {@code <} and {@code &});
 * {@code markUnknown=no} drops the {@code *} before unknown words, like {@code apertium -u}. The requests of a
 * translation are sent one after another.
 *
 * <p>Failures are classified by {@link ApyClient}: 400 (e.g. pair not installed) is {@link Kind#REJECTED}, 5xx
 * {@link Kind#SERVER_ERROR}, timeouts and connection failures {@link Kind#UNAVAILABLE}. Nothing is billed.
 *
 * <p>Thread-safe: the HTTP client is, and the fetched pairs are immutable.
 */
public final class ApertiumApyTranslator implements Translator {

    /** The engine name written into every label: the engine is Apertium, whichever way it is reached. */
    public static final String ENGINE = ApertiumCliTranslator.ENGINE;

    private static final Logger LOG = LoggerFactory.getLogger(ApertiumApyTranslator.class);

    private final ApertiumApySettings settings;
    private final ApyClient client;
    private volatile ApertiumPairs pairs; // null until first fetched

    public ApertiumApyTranslator(ApertiumApySettings settings) {
        this.settings = settings;
        this.client = new ApyClient(settings);
    }

    @Override
    public String engine() {
        return ENGINE;
    }

    @Override
    public TranslationResult translate(TranslationRequest request) throws TranslationException {
        List<Pair> route = RoutedTranslation.route(request, pairs());
        return RoutedTranslation.translate(request, route, ENGINE, null, this::translateHop);
    }

    /**
     * Fetches the pairs again: fails with {@link Kind#UNAVAILABLE} if the server cannot be reached or offers no
     * pair, and as classified by {@link ApyClient} if it answers with an error.
     */
    @Override
    public void verify() throws TranslationException {
        ApertiumPairs fetched = fetchPairs();
        pairs = fetched;
        LOG.info("Apertium-APY at {} reachable, pairs: {}", settings.baseUrl(), fetched);
    }

    /**
     * The server's pairs, fetched on first use.
     *
     * @throws TranslationException UNAVAILABLE if the server is unreachable or lists no pair; otherwise as
     *                              {@link ApyClient} classifies the failure
     */
    public ApertiumPairs pairs() throws TranslationException {
        ApertiumPairs current = pairs;
        if (current == null) {
            synchronized (this) {
                if (pairs == null) {
                    pairs = fetchPairs();
                }
                current = pairs;
            }
        }
        return current;
    }

    /** {@link java.net.http.HttpClient} in Java 17 has nothing to close. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "ApertiumApyTranslator[" + settings + "]";
    }

    private List<String> translateHop(Pair pair, List<String> texts) throws TranslationException {
        // APY's pair key is "<source>-<target>" in the codes /listPairs gave, and no code contains '-'.
        String langpair = pair.mode().replace('-', '|');
        List<String> translated = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("langpair", langpair);
            form.put("q", texts.get(i));
            form.put("format", "txt");
            form.put("markUnknown", "no");
            String action = "translating " + langpair + " (text " + (i + 1) + " of " + texts.size() + ")";
            JsonNode answer = client.postForm("/translate", form, action);
            JsonNode text = answer.path("responseData").path("translatedText");
            if (!text.isTextual()) {
                throw new TranslationException(Kind.SERVER_ERROR, "Apertium-APY answered without"
                        + " responseData.translatedText while " + action);
            }
            translated.add(text.asText().strip());
        }
        return translated;
    }

    /**
     * Fetches the pairs. A server without pairs is misconfigured, not a reason to reject articles: it fails as
     * {@link Kind#UNAVAILABLE} and is not remembered, so that a later call asks again.
     */
    private ApertiumPairs fetchPairs() throws TranslationException {
        String action = "listing the installed pairs";
        JsonNode list = client.get("/listPairs", action).path("responseData");
        if (!list.isArray()) {
            throw new TranslationException(Kind.SERVER_ERROR, "Apertium-APY answered without a responseData list"
                    + " while " + action);
        }
        List<String> modes = new ArrayList<>();
        for (JsonNode pair : list) {
            String source = pair.path("sourceLanguage").asText("");
            String target = pair.path("targetLanguage").asText("");
            if (!source.isEmpty() && !target.isEmpty()) {
                modes.add(source + "-" + target);
            }
        }
        ApertiumPairs fetched = ApertiumPairs.fromModeNames(modes).withMaxHops(settings.maxHops());
        if (fetched.isEmpty()) {
            throw new TranslationException(Kind.UNAVAILABLE, "Apertium-APY at " + settings.baseUrl()
                    + " lists no language pairs");
        }
        return fetched;
    }
}
