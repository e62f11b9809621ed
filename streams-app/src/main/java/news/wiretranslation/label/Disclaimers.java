package news.wiretranslation.label;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import news.wiretranslation.article.EngineNames;

/**
 * The human-readable statement that a text was machine-translated, in the target language. Readers see it in
 * words, as the last paragraph; the machine-readable label is the {@code translation} block beside it.
 *
 * <p>Templates use {@code {source}} (the source language's name in the target language) and {@code {engine}}.
 * Every DeepL target language has a default; a newsroom overrides them with a properties file
 * ({@code fr=Traduction automatique depuis {source} par {engine}.}).
 */
public final class Disclaimers {
    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("ar", "تُرجمت هذه المقالة آليًا من اللغة {source} بواسطة {engine} ولم يراجعها محرر."),
            Map.entry("bg", "Тази статия е преведена машинно (оригинал: {source}) с {engine} и не е проверена от редактор."),
            Map.entry("cs", "Tento článek byl strojově přeložen (originál: {source}) pomocí {engine} a nebyl zkontrolován redaktorem."),
            Map.entry("da", "Denne artikel er maskinoversat fra {source} af {engine} og er ikke gennemgået af en redaktør."),
            Map.entry("de", "Dieser Artikel wurde von {engine} maschinell aus dem {source}en übersetzt und nicht redaktionell geprüft."),
            Map.entry("el", "Αυτό το άρθρο μεταφράστηκε αυτόματα (πρωτότυπο: {source}) από το {engine} και δεν έχει ελεγχθεί από συντάκτη."),
            Map.entry("en", "This article was machine-translated from {source} by {engine} and has not been reviewed by an editor."),
            Map.entry("es", "Este artículo fue traducido automáticamente del {source} por {engine} y no ha sido revisado por un editor."),
            Map.entry("et", "See artikkel on masintõlgitud (originaal: {source}) teenusega {engine} ja toimetaja ei ole seda üle vaadanud."),
            Map.entry("fi", "Tämä artikkeli on konekäännetty (alkuperäinen kieli: {source}) palvelulla {engine}, eikä toimittaja ole tarkistanut sitä."),
            Map.entry("fr", "Cet article a été traduit automatiquement du {source} par {engine} et n’a pas été relu par un rédacteur."),
            Map.entry("he", "מאמר זה תורגם בתרגום מכונה (מקור: {source}) על ידי {engine} ולא נבדק על ידי עורך."),
            Map.entry("hu", "Ezt a cikket a(z) {engine} gépi fordítással fordította (eredeti nyelv: {source}); szerkesztő nem ellenőrizte."),
            Map.entry("id", "Artikel ini diterjemahkan secara otomatis dari bahasa {source} oleh {engine} dan belum ditinjau oleh editor."),
            Map.entry("it", "Questo articolo è stato tradotto automaticamente dal {source} da {engine} e non è stato rivisto da un redattore."),
            Map.entry("ja", "この記事は{engine}により{source}から機械翻訳されたもので、編集者による確認は行われていません。"),
            Map.entry("ko", "이 기사는 {engine}이(가) {source}에서 기계 번역했으며 편집자의 검토를 거치지 않았습니다."),
            Map.entry("lt", "Šis straipsnis išverstas mašininiu būdu (originalo kalba: {source}) naudojant {engine} ir nebuvo peržiūrėtas redaktoriaus."),
            Map.entry("lv", "Šis raksts ir mašīntulkots (oriģināla valoda: {source}), izmantojot {engine}, un to nav pārskatījis redaktors."),
            Map.entry("nb", "Denne artikkelen er maskinoversatt fra {source} av {engine} og er ikke gjennomgått av en redaktør."),
            Map.entry("nl", "Dit artikel is automatisch vertaald uit het {source} door {engine} en is niet door een redacteur nagekeken."),
            Map.entry("pl", "Ten artykuł został przetłumaczony maszynowo (język oryginału: {source}) przez {engine} i nie został sprawdzony przez redaktora."),
            Map.entry("pt", "Este artigo foi traduzido automaticamente do {source} por {engine} e não foi revisto por um editor."),
            Map.entry("ro", "Acest articol a fost tradus automat din limba {source} de {engine} și nu a fost verificat de un editor."),
            Map.entry("ru", "Эта статья переведена машинным способом (язык оригинала: {source}) с помощью {engine} и не проверялась редактором."),
            Map.entry("sk", "Tento článok bol strojovo preložený (originál: {source}) pomocou {engine} a nebol skontrolovaný redaktorom."),
            Map.entry("sl", "Ta članek je bil strojno preveden (izvirnik: {source}) s storitvijo {engine} in ga urednik ni pregledal."),
            Map.entry("sv", "Den här artikeln har maskinöversatts från {source} av {engine} och har inte granskats av en redaktör."),
            Map.entry("th", "บทความนี้แปลด้วยเครื่องจากภาษา{source}โดย {engine} และยังไม่ได้รับการตรวจทานจากบรรณาธิการ"),
            Map.entry("tr", "Bu makale {engine} tarafından makine çevirisiyle çevrilmiştir (kaynak dil: {source}) ve bir editör tarafından incelenmemiştir."),
            Map.entry("uk", "Цю статтю машинно перекладено (мова оригіналу: {source}) за допомогою {engine}; редактор її не перевіряв."),
            Map.entry("vi", "Bài viết này được dịch máy từ tiếng {source} bởi {engine} và chưa được biên tập viên kiểm duyệt."),
            Map.entry("zh", "本文由{engine}从{source}机器翻译，未经编辑审核。"));

    /** Reviewed translations: the same statement, saying that the newsroom reviewed the text (the review desk). */
    private static final Map<String, String> REVIEWED_DEFAULTS = Map.ofEntries(
            Map.entry("ar", "تُرجمت هذه المقالة آليًا من اللغة {source} بواسطة {engine} وراجعتها هيئة التحرير."),
            Map.entry("bg", "Тази статия е преведена машинно (оригинал: {source}) с {engine} и е проверена от редакцията."),
            Map.entry("cs", "Tento článek byl strojově přeložen (originál: {source}) pomocí {engine} a zkontrolovala ho redakce."),
            Map.entry("da", "Denne artikel er maskinoversat fra {source} af {engine} og gennemgået af redaktionen."),
            Map.entry("de", "Dieser Artikel wurde von {engine} maschinell aus dem {source}en übersetzt und von der Redaktion geprüft."),
            Map.entry("el", "Αυτό το άρθρο μεταφράστηκε αυτόματα (πρωτότυπο: {source}) από το {engine} και ελέγχθηκε από τη σύνταξη."),
            Map.entry("en", "This article was machine-translated from {source} by {engine} and reviewed by the newsroom."),
            Map.entry("es", "Este artículo fue traducido automáticamente del {source} por {engine} y revisado por la redacción."),
            Map.entry("et", "See artikkel on masintõlgitud (originaal: {source}) teenusega {engine} ja toimetus on selle üle vaadanud."),
            Map.entry("fi", "Tämä artikkeli on konekäännetty (alkuperäinen kieli: {source}) palvelulla {engine}, ja toimitus on tarkistanut sen."),
            Map.entry("fr", "Cet article a été traduit automatiquement du {source} par {engine} et relu par la rédaction."),
            Map.entry("he", "מאמר זה תורגם בתרגום מכונה (מקור: {source}) על ידי {engine} ונבדק על ידי המערכת."),
            Map.entry("hu", "Ezt a cikket a(z) {engine} gépi fordítással fordította (eredeti nyelv: {source}); a szerkesztőség ellenőrizte."),
            Map.entry("id", "Artikel ini diterjemahkan secara otomatis dari bahasa {source} oleh {engine} dan telah ditinjau oleh redaksi."),
            Map.entry("it", "Questo articolo è stato tradotto automaticamente dal {source} da {engine} e rivisto dalla redazione."),
            Map.entry("ja", "この記事は{engine}により{source}から機械翻訳され、編集部が確認しました。"),
            Map.entry("ko", "이 기사는 {engine}이(가) {source}에서 기계 번역했으며 편집국의 검토를 거쳤습니다."),
            Map.entry("lt", "Šis straipsnis išverstas mašininiu būdu (originalo kalba: {source}) naudojant {engine} ir peržiūrėtas redakcijos."),
            Map.entry("lv", "Šis raksts ir mašīntulkots (oriģināla valoda: {source}), izmantojot {engine}, un to ir pārskatījusi redakcija."),
            Map.entry("nb", "Denne artikkelen er maskinoversatt fra {source} av {engine} og gjennomgått av redaksjonen."),
            Map.entry("nl", "Dit artikel is automatisch vertaald uit het {source} door {engine} en nagekeken door de redactie."),
            Map.entry("pl", "Ten artykuł został przetłumaczony maszynowo (język oryginału: {source}) przez {engine} i sprawdzony przez redakcję."),
            Map.entry("pt", "Este artigo foi traduzido automaticamente do {source} por {engine} e revisto pela redação."),
            Map.entry("ro", "Acest articol a fost tradus automat din limba {source} de {engine} și verificat de redacție."),
            Map.entry("ru", "Эта статья переведена машинным способом (язык оригинала: {source}) с помощью {engine} и проверена редакцией."),
            Map.entry("sk", "Tento článok bol strojovo preložený (originál: {source}) pomocou {engine} a skontrolovala ho redakcia."),
            Map.entry("sl", "Ta članek je bil strojno preveden (izvirnik: {source}) s storitvijo {engine} in ga je pregledalo uredništvo."),
            Map.entry("sv", "Den här artikeln har maskinöversatts från {source} av {engine} och granskats av redaktionen."),
            Map.entry("th", "บทความนี้แปลด้วยเครื่องจากภาษา{source}โดย {engine} และได้รับการตรวจทานจากกองบรรณาธิการแล้ว"),
            Map.entry("tr", "Bu makale {engine} tarafından makine çevirisiyle çevrilmiştir (kaynak dil: {source}) ve editörlerimiz tarafından incelenmiştir."),
            Map.entry("uk", "Цю статтю машинно перекладено (мова оригіналу: {source}) за допомогою {engine}; редакція її перевірила."),
            Map.entry("vi", "Bài viết này được dịch máy từ tiếng {source} bởi {engine} và đã được ban biên tập kiểm duyệt."),
            Map.entry("zh", "本文由{engine}从{source}机器翻译，并经编辑部审核。"));

    private final Map<String, String> templates;

    private Disclaimers(Map<String, String> templates) {
        this.templates = Map.copyOf(templates);
    }

    /** A default template for every language DeepL translates into. */
    public static Disclaimers defaults() {
        return new Disclaimers(DEFAULTS);
    }

    /** The defaults, with the languages named in the file ({@code <iso639-1>=<template>}) replaced. */
    public static Disclaimers withOverrides(Path file) throws IOException {
        return new Disclaimers(overridden(DEFAULTS, file));
    }

    /**
     * For translations an editor approved on the review desk: machine-translated, and reviewed by the newsroom. Every
     * language that has a default disclaimer has one of these.
     */
    public static Disclaimers reviewed() {
        return new Disclaimers(REVIEWED_DEFAULTS);
    }

    /** The reviewed defaults, with the languages named in the file replaced ({@code REVIEW_DISCLAIMERS_FILE}). */
    public static Disclaimers reviewedWithOverrides(Path file) throws IOException {
        return new Disclaimers(overridden(REVIEWED_DEFAULTS, file));
    }

    private static Map<String, String> overridden(Map<String, String> defaults, Path file) throws IOException {
        Properties overrides = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            overrides.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        Map<String, String> templates = new HashMap<>(defaults);
        for (String language : overrides.stringPropertyNames()) {
            String template = overrides.getProperty(language);
            if (!template.contains("{engine}")) {
                throw new IllegalArgumentException(file + ": the disclaimer for '" + language
                        + "' must name the engine with {engine}");
            }
            templates.put(language.trim().toLowerCase(Locale.ROOT), template);
        }
        return templates;
    }

    /**
     * @param targetLanguage ISO 639-1 code of the text's language
     * @param sourceLanguage ISO 639-1 code of the original
     * @param engine         engine name as labels carry it, e.g. {@code deepl}
     */
    public String disclaimer(String targetLanguage, String sourceLanguage, String engine) {
        String target = templates.containsKey(targetLanguage) ? targetLanguage : "en";
        String sourceName = Locale.forLanguageTag(sourceLanguage).getDisplayLanguage(Locale.forLanguageTag(target));
        return grammatical(target, templates.get(target), sourceName)
                .replace("{source}", sourceName)
                .replace("{engine}", EngineNames.displayName(engine));
    }

    /** The few default templates whose grammar changes the words around the language name. */
    private static String grammatical(String target, String template, String sourceName) {
        boolean vowel = !sourceName.isEmpty() && "aeiouhâéèêîôûAEIOUH".indexOf(sourceName.charAt(0)) >= 0;
        return switch (target) {
            case "fr" -> vowel ? template.replace("du {source}", "de l’{source}") : template;
            case "it" -> vowel ? template.replace("dal {source}", "dall’{source}") : template;
            // "aus dem Französischen", "aus dem Englischen"; other names read better with "aus der Sprache".
            case "de" -> sourceName.endsWith("sch") ? template : template.replace("aus dem {source}en", "aus der Sprache {source}");
            default -> template;
        };
    }
}
