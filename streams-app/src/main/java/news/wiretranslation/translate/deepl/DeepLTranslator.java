package news.wiretranslation.translate.deepl;

import com.deepl.api.DeepLClient;
import com.deepl.api.DeepLClientOptions;
import com.deepl.api.DeepLException;
import com.deepl.api.Formality;
import com.deepl.api.TextResult;
import com.deepl.api.TextTranslationOptions;
import com.deepl.api.Usage;
import news.wiretranslation.config.DeepLCustomizations;
import news.wiretranslation.config.BuildInfo;
import news.wiretranslation.glossary.Glossary;
import news.wiretranslation.glossary.LanguagePair;
import news.wiretranslation.glossary.ProtectedTerms;
import news.wiretranslation.glossary.Terminology;
import news.wiretranslation.glossary.TerminologyFiles;
import news.wiretranslation.translate.CharacterQuota;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationOptions;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.Translator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    private final StatusReportingDeepLClient client;
    private final TerminologyFiles terminologyFiles;
    private final String glossaryPrefix;
    private final Object preparing = new Object();
    private final DeepLResources resources = new DeepLResources();
    /** The terminology in use and the DeepL glossaries made from it; replaced whole by {@link #prepare()}. */
    private volatile Applied applied = new Applied(Terminology.NONE, Map.of(), "", false);
    /** Set when DeepL no longer knows a glossary in use: the next {@link #prepare()} syncs even if no file changed. */
    private volatile boolean glossaryLost;

    /** The configuration fault of a glossary DeepL does not know (the tag of the configuration-faults meter). */
    public static final String GLOSSARY_NOT_FOUND = TranslationException.GLOSSARY_NOT_FOUND;

    /** What {@link #prepare()} last put in place. */
    private record Applied(Terminology terminology, Map<LanguagePair, DeepLGlossaries.Active> glossaries,
                           String protectedHash, boolean loaded) {
    }

    public DeepLTranslator(DeepLSettings settings) {
        this(settings, TerminologyFiles.NONE, APP_NAME);
    }

    /**
     * @param terminologyFiles the glossary directory and protected-terms file, read by {@link #prepare()}
     * @param glossaryPrefix   first word of the names of the DeepL glossaries this service owns (the application id)
     */
    public DeepLTranslator(DeepLSettings settings, TerminologyFiles terminologyFiles, String glossaryPrefix) {
        this.settings = settings;
        this.client = new StatusReportingDeepLClient(settings.authKey(), clientOptions(settings));
        this.terminologyFiles = terminologyFiles;
        this.glossaryPrefix = glossaryPrefix;
    }

    private static DeepLClientOptions clientOptions(DeepLSettings settings) {
        DeepLClientOptions options = new DeepLClientOptions();
        options.setMaxRetries(0)
                .setTimeout(settings.timeout())
                .setAppInfo(APP_NAME, BuildInfo.version());
        if (settings.serverUrl() != null) {
            options.setServerUrl(settings.serverUrl());
        }
        if (settings.proxy() != null) {
            options.setProxy(settings.proxy().proxy());
            settings.proxy().installAuthenticator();
        }
        if (!settings.requestHeaders().isEmpty()) {
            // Validated at start-up: none of them replaces a header deepl-java sets itself (Authorization, User-Agent).
            options.setHeaders(new java.util.HashMap<>(settings.requestHeaders()));
        }
        return options;
    }

    @Override
    public String engine() {
        return ENGINE;
    }

    /** DeepL bills by the character and says how many per text ({@code show_billed_characters}, always asked). */
    @Override
    public boolean billsCharacters() {
        return true;
    }

    @Override
    public String settings() {
        return "model_type=" + (settings.modelType() == null ? "default" : settings.modelType())
                + (settings.headlineAsContext() ? ",context=headline" : "");
    }

    /**
     * The target's model type, formality, the protected terms, when there are any (the service's own glossary is in
     * the options), and what the target uses at DeepL: style rule, custom instructions, DeepL-managed glossaries,
     * translation memory ({@link DeepLCustomizationFingerprint}); the same as {@link #settings()} for a target with
     * nothing of its own. Each appears only when set, so that fingerprints of targets without it stay what they were.
     */
    @Override
    public String settings(String sourceLanguage, String targetLanguage) {
        String formality = settings.formality().get(targetLanguage.toUpperCase(Locale.ROOT));
        String protectedHash = applied.protectedHash();
        String model = settings.modelTypeFor(targetLanguage);
        return "model_type=" + (model == null ? "default" : model) + (settings.headlineAsContext() ? ",context=headline" : "")
                + (formality == null ? "" : ",formality=" + formality)
                // tag_handling_version=v2 parses the marked text differently from v1, so it is part of the settings.
                + (protectedHash.isEmpty() ? "" : ",protected=" + protectedHash + ",tag_handling=" + TAG_HANDLING_VERSION)
                + DeepLCustomizationFingerprint.of(settings.customizations().forTarget(targetLanguage));
    }

    @Override
    public TranslationOptions options(String sourceLanguage, String targetLanguage) {
        DeepLGlossaries.Active glossary = applied.glossaries().get(LanguagePair.of(sourceLanguage, targetLanguage));
        return glossary == null ? TranslationOptions.NONE
                : new TranslationOptions(glossary.glossaryId(), glossary.contentHash(), null);
    }

    @Override
    public boolean headlineAsContext() {
        return settings.headlineAsContext();
    }

    @Override
    public Terminology terminology() {
        return applied.terminology();
    }

    /**
     * Reads the terminology files and, when they changed (or DeepL lost a glossary in use), syncs the glossaries:
     * see {@link DeepLGlossaries}. Without a glossary directory, DeepL's glossaries are left alone.
     */
    @Override
    public void prepare() throws TranslationException {
        synchronized (preparing) {
            Terminology terminology = terminologyFiles.load();
            Applied current = applied;
            if (current.loaded() && !glossaryLost && terminology.equals(current.terminology())) {
                return;
            }
            Map<LanguagePair, DeepLGlossaries.Active> glossaries = Map.of();
            if (terminologyFiles.glossaryDir().isPresent()) {
                glossaryLost = false;
                DeepLGlossaries.Report report = call("syncing the glossaries of " + terminologyFiles.glossaryDir().get(),
                        () -> DeepLGlossaries.sync(client, glossaryPrefix, terminology.glossaries(), true));
                glossaries = Map.copyOf(report.active());
                LOG.info("DeepL glossaries synced from {}: {} in use ({}), {} created, {} reused, {} deleted",
                        terminologyFiles.glossaryDir().get(), glossaries.size(), glossaries.values().stream()
                                .map(g -> g.pair() + " " + g.entries() + " entries").toList(),
                        report.count(DeepLGlossaries.Action.CREATED), report.count(DeepLGlossaries.Action.REUSED),
                        report.count(DeepLGlossaries.Action.DELETED));
            }
            applied = new Applied(terminology, glossaries, terminology.protectedTerms().contentHash(), true);
        }
    }

    /** Syncs the glossaries of {@code wanted} (or, with {@code apply} false, says what a sync would do): for the CLI. */
    public DeepLGlossaries.Report syncGlossaries(Map<LanguagePair, Glossary> wanted, boolean apply) throws TranslationException {
        return call("syncing glossaries", () -> DeepLGlossaries.sync(client, glossaryPrefix, wanted, apply));
    }

    /** The glossaries this service owns in the account, oldest first: for the CLI. */
    public List<DeepLGlossaries.Owned> ownedGlossaries() throws TranslationException {
        return call("listing glossaries", () -> DeepLGlossaries.owned(client, glossaryPrefix));
    }

    @Override
    public TranslationResult translate(TranslationRequest request) throws TranslationException {
        List<String> texts = request.texts();
        List<Integer> sentPositions = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        ProtectedTerms protectedTerms = applied.terminology().protectedTerms();
        List<List<ProtectedTerms.Span>> spans = new ArrayList<>();
        boolean marked = false;
        for (int i = 0; i < texts.size(); i++) {
            if (!texts.get(i).isEmpty()) {
                sentPositions.add(i);
                sent.add(texts.get(i));
                List<ProtectedTerms.Span> found = protectedTerms.find(texts.get(i));
                spans.add(found);
                marked |= !found.isEmpty();
            }
        }
        if (marked) {
            // XML tag handling is per request: every text of it becomes XML, with or without protected spans.
            for (int i = 0; i < sent.size(); i++) {
                sent.set(i, ProtectedMarkup.mark(sent.get(i), spans.get(i)));
            }
        }
        TextTranslationOptions options = translationOptions(request, marked);
        List<List<String>> chunks = RequestChunker.chunk(sent, customizationBytes(options));
        String ownGlossary = glossaryId(request);

        List<TextResult> results = new ArrayList<>(sent.size());
        for (int c = 0; c < chunks.size(); c++) {
            results.addAll(translateChunk(request, options, ownGlossary, chunks.get(c), c + 1, chunks.size()));
        }

        String[] translated = new String[texts.size()];
        Arrays.fill(translated, "");
        Long[] billedPerText = new Long[texts.size()];
        Arrays.fill(billedPerText, 0L);
        long billed = 0;
        String model = null;
        for (int r = 0; r < results.size(); r++) {
            TextResult result = results.get(r);
            translated[sentPositions.get(r)] = marked ? ProtectedMarkup.unmark(result.getText(), spans.get(r)) : result.getText();
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

    /**
     * Form-encoded bytes of the parameters the customizations add to each request (instructions, ids), beyond the
     * room {@link RequestChunker} keeps for the usual ones.
     */
    private static long customizationBytes(TextTranslationOptions options) {
        long bytes = 0;
        if (options.getCustomInstructions() != null) {
            for (String instruction : options.getCustomInstructions()) {
                bytes += RequestChunker.encodedSize("custom_instructions", instruction);
            }
        }
        if (options.getGlossaryIds() != null) {
            for (String id : options.getGlossaryIds()) {
                bytes += RequestChunker.encodedSize("glossary_ids", id);
            }
        }
        if (options.getStyleId() != null) {
            bytes += RequestChunker.encodedSize("style_id", options.getStyleId());
        }
        if (options.getTranslationMemoryId() != null) {
            bytes += RequestChunker.encodedSize("translation_memory_id", options.getTranslationMemoryId());
        }
        return bytes;
    }

    /** DeepL's tag handling version when the service marks protected terms as XML. */
    static final String TAG_HANDLING_VERSION = "v2";

    /**
     * DeepL's options for one request: model, the target's formality, glossaries, context, tag handling, style rule,
     * custom instructions, translation memory.
     */
    private TextTranslationOptions translationOptions(TranslationRequest request, boolean marked) {
        TextTranslationOptions options = new TextTranslationOptions();
        String model = settings.modelTypeFor(request.targetLanguage());
        if (model != null) {
            options.setModelType(model);
        }
        String formality = settings.formality().get(request.targetLanguage().toUpperCase(Locale.ROOT));
        if (formality != null) {
            options.setFormality(FORMALITY.get(formality));
        }
        String glossaryId = glossaryId(request);
        if (glossaryId != null) {
            options.setGlossaryId(glossaryId);
        }
        if (request.options().context() != null) {
            options.setContext(request.options().context());
        }
        if (marked) {
            options.setTagHandling("xml");
            // v2 (strict XML): ProtectedMarkup's text is well-formed XML, which is all v2 asks for.
            options.setTagHandlingVersion(TAG_HANDLING_VERSION);
            options.setIgnoreTags(List.of(ProtectedMarkup.TAG));
        }
        DeepLCustomizations.ForTarget custom = settings.customizations().forTarget(request.targetLanguage());
        if (custom.styleId() != null) {
            options.setStyleId(custom.styleId());
        }
        if (!custom.instructions().isEmpty()) {
            options.setCustomInstructions(custom.instructions());
        }
        if (custom.translationMemoryId() != null) {
            options.setTranslationMemoryId(custom.translationMemoryId());
            if (custom.translationMemoryThreshold() != null) {
                options.setTranslationMemoryThreshold(custom.translationMemoryThreshold());
            }
        }
        List<String> extra = resources.glossariesFor(custom.glossaryIds(),
                LanguagePair.of(request.sourceLanguage(), request.targetLanguage()));
        if (!extra.isEmpty()) {
            // deepl-java refuses glossary_id with glossary_ids: the service's own glossary goes first in the list.
            List<String> all = new ArrayList<>();
            if (options.getGlossaryId() != null) {
                all.add(options.getGlossaryId());
                options.setGlossaryId(null);
            }
            all.addAll(extra);
            options.setGlossaryIds(all);
        }
        return options;
    }

    /**
     * The glossary to send: the pair's glossary in use now. It is the request's own unless the glossary was reloaded
     * while the request waited in a queue (its replaced glossary is deleted on DeepL by then); none when the pair no
     * longer has one.
     */
    private String glossaryId(TranslationRequest request) {
        if (request.options().glossaryId() == null) {
            return null;
        }
        DeepLGlossaries.Active current = applied.glossaries().get(LanguagePair.of(request.sourceLanguage(), request.targetLanguage()));
        return current == null ? null : current.glossaryId();
    }

    private static final Map<String, Formality> FORMALITY = Map.of("default", Formality.Default, "more", Formality.More,
            "less", Formality.Less, "prefer_more", Formality.PreferMore, "prefer_less", Formality.PreferLess);

    /**
     * @param ownGlossary the service's own glossary for the pair, as {@code options} carry it ({@code glossary_id}, or
     *                    first of {@code glossary_ids}), or null: the one the service recreates when DeepL lost it
     */
    private List<TextResult> translateChunk(TranslationRequest request, TextTranslationOptions options, String ownGlossary,
                                            List<String> chunk, int number, int of) throws TranslationException {
        String action = "translating " + request.sourceLanguage() + " -> " + request.targetLanguage()
                + " (request " + number + " of " + of + ", " + chunk.size() + " texts)";
        List<TextResult> results;
        try {
            results = call(action, () -> client.translateText(
                    chunk, request.sourceLanguage(), request.targetLanguage(), options));
        } catch (TranslationException e) {
            if (ownGlossary == null || !DeepLFailures.glossaryNotFound(e)) {
                throw e; // a DeepL-managed glossary the service does not own: DeepLFailures made it a configuration fault
            }
            // Someone deleted the glossary on DeepL: not the article's fault. Recreate it now and send again once;
            // if that fails too, the request is held (retried with backoff) and repaired again on the next attempt.
            LanguagePair pair = LanguagePair.of(request.sourceLanguage(), request.targetLanguage());
            String recreated = repairGlossary(pair, ownGlossary, action);
            replaceOwnGlossary(options, recreated);
            try {
                results = call(action + " with glossary " + recreated + " recreated", () -> client.translateText(
                        chunk, request.sourceLanguage(), request.targetLanguage(), options));
            } catch (TranslationException again) {
                if (DeepLFailures.glossaryNotFound(again)) {
                    throw TranslationException.configuration(GLOSSARY_NOT_FOUND, "DeepL does not know glossary "
                            + recreated + " of " + pair + " either, just after creating it, while " + action, again);
                }
                throw again;
            }
        }
        if (results == null || results.size() != chunk.size()) {
            throw new TranslationException(TranslationException.Kind.SERVER_ERROR, "DeepL answered "
                    + (results == null ? "nothing" : results.size() + " translations") + " for " + chunk.size()
                    + " texts while " + action);
        }
        return results;
    }

    /** The options with the service's own glossary (the first) replaced by {@code recreated}, or dropped when null. */
    private static void replaceOwnGlossary(TextTranslationOptions options, String recreated) {
        if (options.getGlossaryIds() == null || options.getGlossaryIds().isEmpty()) {
            options.setGlossaryId(recreated);
            return;
        }
        List<String> ids = new ArrayList<>(options.getGlossaryIds());
        ids.remove(0);
        if (recreated != null) {
            ids.add(0, recreated);
        }
        options.setGlossaryIds(ids);
    }

    /**
     * Recreates the glossaries DeepL lost, now: a sync of the terminology in use (the files are not read again), which
     * reuses the glossaries DeepL still has and creates those it lost. When another thread repaired the pair already
     * (its glossary id is no longer {@code lost}), nothing is sent.
     *
     * @return the pair's glossary id to use now, null when the terminology in use has none for the pair
     * @throws TranslationException {@link TranslationException.Kind#CONFIGURATION} when it cannot be repaired (the
     *                              request is then held and retried), or the failure of the sync itself (e.g. 429)
     */
    private String repairGlossary(LanguagePair pair, String lost, String action) throws TranslationException {
        synchronized (preparing) {
            Applied current = applied;
            DeepLGlossaries.Active active = current.glossaries().get(pair);
            if (active == null || !active.glossaryId().equals(lost)) {
                return active == null ? null : active.glossaryId(); // repaired or reloaded meanwhile
            }
            LOG.warn("DeepL no longer knows glossary {} of {} (deleted behind the service's back?) while {}; "
                    + "creating it again now", lost, pair, action);
            glossaryLost = true;
            DeepLGlossaries.Report report;
            try {
                report = call("recreating the glossary of " + pair + " that DeepL lost",
                        () -> DeepLGlossaries.sync(client, glossaryPrefix, current.terminology().glossaries(), true));
            } catch (TranslationException e) {
                if (e.kind() != TranslationException.Kind.REJECTED) {
                    throw e; // 429, 5xx, a timeout: retried as such; 403: stops the service as always
                }
                throw TranslationException.configuration(GLOSSARY_NOT_FOUND, "DeepL no longer knows glossary " + lost
                        + " of " + pair + " and refused to create it again (" + e.getMessage() + ") while " + action, e);
            }
            glossaryLost = false;
            Map<LanguagePair, DeepLGlossaries.Active> glossaries = Map.copyOf(report.active());
            applied = new Applied(current.terminology(), glossaries, current.protectedHash(), current.loaded());
            DeepLGlossaries.Active recreated = glossaries.get(pair);
            if (recreated == null) {
                return null; // the terminology in use has no glossary for the pair
            }
            LOG.info("DeepL glossary of {} created again: {} ({} entries), {} reused, {} deleted", pair,
                    recreated.glossaryId(), recreated.entries(), report.count(DeepLGlossaries.Action.REUSED),
                    report.count(DeepLGlossaries.Action.DELETED));
            return recreated.glossaryId();
        }
    }

    /**
     * Asks DeepL for the account's usage: cheap, and it fails with 403 when the key is wrong. A used-up quota is
     * only logged: it pauses translation later but is no reason to stop the service. Then checks the style rules,
     * translation memories and glossaries the settings name against DeepL ({@link DeepLResources}).
     *
     * @throws news.wiretranslation.config.ConfigException naming the setting, when DeepL does not know an id the
     *                                                     settings name, or it is for another language
     */
    @Override
    public void verify() throws TranslationException {
        Usage usage = call("checking the DeepL account (usage)", client::getUsage);
        String period = client.billingPeriodEnd().map(end -> "; the billing period ends " + end).orElse("");
        if (usage != null && usage.anyLimitReached()) {
            LOG.warn("DeepL reports a usage limit reached: {}{}; translations will pause until it resets", usage, period);
        } else {
            LOG.info("DeepL account reachable: {}{}", usage, period);
        }
        if (!settings.customizations().byTarget().isEmpty()) {
            try {
                resources.check(client, settings.customizations());
            } catch (DeepLException | InterruptedException e) {
                // Not through call(): the ConfigException of an unknown id must reach start-up as it is.
                throw DeepLFailures.classify(e, "checking the style rules, translation memories and glossaries of "
                        + "the settings", settings.authKey());
            }
            LOG.info("DeepL customizations checked: {}", settings.customizations().byTarget());
        }
    }

    /**
     * Asks DeepL's usage endpoint (it bills nothing) whether translation can resume: fails with
     * {@link TranslationException.Kind#QUOTA_EXCEEDED} while a usage limit is reached, and with what the call met
     * otherwise (a server still failing, a key revoked meanwhile).
     */
    @Override
    public void probe() throws TranslationException {
        quota();
    }

    /**
     * The usage endpoint's character count and limit (see {@link #probe()}); null when DeepL reports no character
     * limit for the account.
     */
    @Override
    public CharacterQuota quota() throws TranslationException {
        Usage usage = call("probing the DeepL account (usage)", client::getUsage);
        if (usage != null && usage.anyLimitReached()) {
            throw new TranslationException(TranslationException.Kind.QUOTA_EXCEEDED,
                    "DeepL reports the character quota of this billing period used up: " + usage);
        }
        Usage.Detail characters = usage == null ? null : usage.getCharacter();
        return characters == null ? null : new CharacterQuota(characters.getCount(), characters.getLimit());
    }

    /** {@code end_time} of DeepL's last usage answer (start-up check, probes): Pro keys only. */
    @Override
    public java.util.Optional<java.time.Instant> quotaPeriodEnd() {
        return client.billingPeriodEnd();
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
