package news.wiretranslation.label;

import java.util.Locale;
import java.util.Map;

/**
 * The human-readable statement that a text was machine-translated, in the target language. Readers see it in
 * words; the machine-readable label is the {@code translation} block beside it.
 */
public final class Disclaimers {
    /** {0} = source language name in the target language, {1} = engine name. */
    private static final Map<String, String> TEMPLATES = Map.ofEntries(
            Map.entry("en", "This article was machine-translated from {0} by {1} and has not been reviewed by an editor."),
            Map.entry("de", "Dieser Artikel wurde von {1} maschinell aus dem {0}en übersetzt und nicht redaktionell geprüft."),
            Map.entry("fr", "Cet article a été traduit automatiquement du {0} par {1} et n’a pas été relu par un rédacteur."),
            Map.entry("es", "Este artículo fue traducido automáticamente del {0} por {1} y no ha sido revisado por un editor."),
            Map.entry("it", "Questo articolo è stato tradotto automaticamente dal {0} da {1} e non è stato rivisto da un redattore."),
            Map.entry("pt", "Este artigo foi traduzido automaticamente do {0} por {1} e não foi revisto por um editor."),
            Map.entry("nl", "Dit artikel is automatisch vertaald uit het {0} door {1} en is niet door een redacteur nagekeken."),
            Map.entry("pl", "Ten artykuł został przetłumaczony maszynowo z języka: {0} przez {1} i nie został sprawdzony przez redaktora."),
            Map.entry("sv", "Den här artikeln har maskinöversatts från {0} av {1} och har inte granskats av en redaktör."),
            Map.entry("da", "Denne artikel er maskinoversat fra {0} af {1} og er ikke gennemgået af en redaktør."),
            Map.entry("nb", "Denne artikkelen er maskinoversatt fra {0} av {1} og er ikke gjennomgått av en redaktør."),
            Map.entry("fi", "Tämä artikkeli on konekäännetty ({0}) palvelulla {1}, eikä toimittaja ole tarkistanut sitä."),
            Map.entry("uk", "Цю статтю машинно перекладено з мови «{0}» за допомогою {1}; редактор її не перевіряв."),
            Map.entry("ru", "Эта статья переведена машинным способом с языка «{0}» с помощью {1} и не проверялась редактором."),
            Map.entry("ja", "この記事は{1}により{0}から機械翻訳されたもので、編集者による確認は行われていません。"),
            Map.entry("zh", "本文由{1}从{0}机器翻译，未经编辑审核。"));

    private Disclaimers() {
    }

    /**
     * @param targetLanguage ISO 639-1 code of the text's language
     * @param sourceLanguage ISO 639-1 code of the original
     * @param engine         engine name as labels carry it, e.g. {@code deepl}
     */
    public static String disclaimer(String targetLanguage, String sourceLanguage, String engine) {
        String target = TEMPLATES.containsKey(targetLanguage) ? targetLanguage : "en";
        String sourceName = Locale.forLanguageTag(sourceLanguage).getDisplayLanguage(Locale.forLanguageTag(target));
        String template = TEMPLATES.get(target);
        return withArticle(target, template, sourceName)
                .replace("{0}", sourceName)
                .replace("{1}", displayName(engine));
    }

    /** The few languages whose grammar changes the words around the language name. */
    private static String withArticle(String target, String template, String sourceName) {
        boolean vowel = !sourceName.isEmpty() && "aeiouhâéèêîôûAEIOUH".indexOf(sourceName.charAt(0)) >= 0;
        return switch (target) {
            case "fr" -> vowel ? template.replace("du {0}", "de l’{0}") : template;
            case "it" -> vowel ? template.replace("dal {0}", "dall’{0}") : template;
            // "aus dem Französischen", "aus dem Englischen"; other names read better with "aus der Sprache".
            case "de" -> sourceName.endsWith("sch") ? template : template.replace("aus dem {0}en", "aus der Sprache {0}");
            default -> template;
        };
    }

    public static String displayName(String engine) {
        return switch (engine) {
            case "deepl" -> "DeepL";
            case "apertium" -> "Apertium";
            default -> engine;
        };
    }
}
