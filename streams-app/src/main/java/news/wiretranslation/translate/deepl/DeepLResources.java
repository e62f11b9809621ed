package news.wiretranslation.translate.deepl;

import com.deepl.api.DeepLClient;
import com.deepl.api.DeepLException;
import com.deepl.api.MultilingualGlossaryDictionaryInfo;
import com.deepl.api.MultilingualGlossaryInfo;
import com.deepl.api.NotFoundException;
import com.deepl.api.StyleRuleInfo;
import com.deepl.api.TranslationMemoryInfo;
import news.wiretranslation.config.ConfigException;
import news.wiretranslation.config.DeepLCustomizations;
import news.wiretranslation.config.Setting;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.glossary.LanguagePair;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The style rules, translation memories and glossaries the newsroom keeps at DeepL (settings {@code DEEPL_STYLE_ID},
 * {@code DEEPL_TRANSLATION_MEMORY_ID}, {@code DEEPL_GLOSSARY_IDS}) as DeepL reports them: checked once at start-up
 * through DeepL's GET endpoints, so that an id DeepL does not know, or one for another language, stops start-up
 * naming its setting instead of failing every request later.
 *
 * <p>It also remembers each glossary's language pairs: a multilingual glossary serves only the pairs it has a
 * dictionary for, and a request names only those (DeepL refuses a glossary without the request's pair).
 */
final class DeepLResources {

    /** Per DeepL-managed glossary, the pairs it has dictionaries for; null until checked (then every id is sent). */
    private volatile Map<String, Set<LanguagePair>> glossaryPairs;

    /**
     * Asks DeepL for each configured id and checks that it fits its target.
     *
     * @throws ConfigException naming the setting, when DeepL does not know an id or it is for another language
     * @throws DeepLException  when DeepL could not answer (not reachable, 5xx): nothing is known then
     */
    void check(DeepLClient client, DeepLCustomizations customizations) throws DeepLException, InterruptedException {
        Map<String, Set<LanguagePair>> pairs = new HashMap<>();
        Map<String, StyleRuleInfo> styles = new HashMap<>();
        Map<String, TranslationMemoryInfo> memories = new HashMap<>();
        for (Map.Entry<String, DeepLCustomizations.ForTarget> entry : customizations.byTarget().entrySet()) {
            String target = entry.getKey();
            String language = TargetLanguage.parse(target).language();
            DeepLCustomizations.ForTarget custom = entry.getValue();
            if (custom.styleId() != null) {
                StyleRuleInfo style = styles.containsKey(custom.styleId()) ? styles.get(custom.styleId())
                        : found(Setting.DEEPL_STYLE_ID, custom.styleId(), "style rule", () -> client.getStyleRule(custom.styleId()));
                styles.put(custom.styleId(), style);
                if (style.getLanguage() != null && !baseLanguage(style.getLanguage()).equals(language)) {
                    throw new ConfigException("Invalid setting " + Setting.DEEPL_STYLE_ID.env() + ": DeepL's style rule "
                            + custom.styleId() + " (" + style.getName() + ") is for " + style.getLanguage()
                            + ", not for the target " + target);
                }
            }
            if (custom.translationMemoryId() != null) {
                TranslationMemoryInfo memory = memories.containsKey(custom.translationMemoryId())
                        ? memories.get(custom.translationMemoryId())
                        : found(Setting.DEEPL_TRANSLATION_MEMORY_ID, custom.translationMemoryId(), "translation memory",
                        () -> client.getTranslationMemory(custom.translationMemoryId()));
                memories.put(custom.translationMemoryId(), memory);
                List<String> targets = memory.getTargetLanguages() == null ? List.of() : memory.getTargetLanguages();
                if (!targets.isEmpty() && targets.stream().map(DeepLResources::baseLanguage).noneMatch(language::equals)) {
                    throw new ConfigException("Invalid setting " + Setting.DEEPL_TRANSLATION_MEMORY_ID.env()
                            + ": DeepL's translation memory " + custom.translationMemoryId() + " (" + memory.getName()
                            + ") translates into " + targets + ", not into the target " + target);
                }
            }
            for (String id : custom.glossaryIds()) {
                if (!pairs.containsKey(id)) {
                    MultilingualGlossaryInfo glossary = found(Setting.DEEPL_GLOSSARY_IDS, id, "glossary",
                            () -> client.getMultilingualGlossary(id));
                    Set<LanguagePair> dictionaries = new HashSet<>();
                    for (MultilingualGlossaryDictionaryInfo d : glossary.getDictionaries() == null
                            ? List.<MultilingualGlossaryDictionaryInfo>of() : glossary.getDictionaries()) {
                        dictionaries.add(new LanguagePair(baseLanguage(d.getSourceLanguageCode()),
                                baseLanguage(d.getTargetLanguageCode())));
                    }
                    pairs.put(id, Set.copyOf(dictionaries));
                }
                if (pairs.get(id).stream().noneMatch(p -> p.target().equals(language))) {
                    throw new ConfigException("Invalid setting " + Setting.DEEPL_GLOSSARY_IDS.env() + ": DeepL's glossary "
                            + id + " has no dictionary into " + language + " (target " + target + "), only " + pairs.get(id));
                }
            }
        }
        glossaryPairs = Map.copyOf(pairs);
    }

    /** Of the target's DeepL-managed glossaries, those with a dictionary for {@code pair} (all, before the check). */
    List<String> glossariesFor(List<String> configured, LanguagePair pair) {
        Map<String, Set<LanguagePair>> known = glossaryPairs;
        if (configured.isEmpty() || known == null) {
            return configured;
        }
        return configured.stream().filter(id -> known.getOrDefault(id, Set.of()).contains(pair)).toList();
    }

    private static <T> T found(Setting setting, String id, String what, Lookup<T> lookup)
            throws DeepLException, InterruptedException {
        try {
            return lookup.get();
        } catch (DeepLException e) {
            if (notFound(e)) {
                throw new ConfigException("Invalid setting " + setting.env() + ": DeepL knows no " + what + " " + id
                        + " in this account (" + e.getMessage() + ")");
            }
            throw e;
        }
    }

    private static boolean notFound(DeepLException e) {
        return e instanceof NotFoundException || e.getCause() instanceof NotFoundException
                || e instanceof StatusReportingDeepLClient.HttpStatusException status && status.status() == 404;
    }

    private static String baseLanguage(String code) {
        String lower = code.toLowerCase(Locale.ROOT);
        int dash = lower.indexOf('-');
        return dash < 0 ? lower : lower.substring(0, dash);
    }

    @FunctionalInterface
    private interface Lookup<T> {
        T get() throws DeepLException, InterruptedException;
    }
}
