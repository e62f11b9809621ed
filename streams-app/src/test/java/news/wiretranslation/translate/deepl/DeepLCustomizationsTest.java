package news.wiretranslation.translate.deepl;

import news.wiretranslation.config.ConfigException;
import news.wiretranslation.config.DeepLCustomizations;
import news.wiretranslation.glossary.TerminologyFiles;
import news.wiretranslation.translate.SettingsFingerprint;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.memory.MemoryKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Style rules, custom instructions, several glossaries, DeepL translation memories, the reporting tag and tag
 * handling v2, sent by {@link DeepLTranslator} through deepl-java to the {@link DeepLStandIn} over real HTTP;
 * their part in the settings fingerprint; and the start-up check of the ids against DeepL.
 */
class DeepLCustomizationsTest {

    @TempDir
    Path dir;
    private DeepLStandIn standIn;
    private TerminologyFiles terminology;

    @BeforeEach
    void start() throws IOException {
        standIn = new DeepLStandIn().start();
        Path glossaries = Files.createDirectory(dir.resolve("glossaries"));
        Files.writeString(glossaries.resolve("fr-de.tsv"), "Kiev\tKyjiw\n");
        Path protectedTerms = Files.writeString(dir.resolve("protected.txt"), "Le Monde\n");
        terminology = new TerminologyFiles(Optional.of(glossaries), Optional.of(protectedTerms));
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private DeepLTranslator translator(Map<String, DeepLCustomizations.ForTarget> byTarget, String reportingTag) {
        return translator(byTarget, reportingTag, TerminologyFiles.NONE);
    }

    private DeepLTranslator translator(Map<String, DeepLCustomizations.ForTarget> byTarget, String reportingTag,
                                       TerminologyFiles files) {
        return new DeepLTranslator(new DeepLSettings(standIn.authKey(), standIn.url(), Duration.ofSeconds(5), null,
                Map.of(), false, Map.of(), null, Map.of(),
                new DeepLCustomizations(byTarget, Optional.ofNullable(reportingTag))), files, "wt-custom");
    }

    private static DeepLCustomizations.ForTarget style(String styleId) {
        return new DeepLCustomizations.ForTarget(styleId, List.of(), List.of(), null, null);
    }

    private static TranslationResult translate(DeepLTranslator translator, String source, String target, String... texts)
            throws TranslationException {
        return translator.translate(new TranslationRequest(source, target, List.of(texts), translator.options(source, target)));
    }

    @Test
    void aRequestCarriesTheTargetsStyleInstructionsGlossariesMemoryAndReportingTag() throws Exception {
        String style = standIn.addStyleRule("house style", "de");
        String desk = standIn.addGlossary("desk terms", "fr", "de", Map.of("Pentagone", "Pentagon"));
        String english = standIn.addGlossary("english terms", "en", "de", Map.of("Pentagon", "Verteidigungsministerium"));
        String memory = standIn.addTranslationMemory("wire memory", "fr", List.of("de"));
        DeepLTranslator translator = translator(Map.of("DE", new DeepLCustomizations.ForTarget(style,
                List.of("Write numbers as digits.", "Use Swiss spelling."), List.of(desk, english), memory, 80)),
                "desk-berlin", terminology);
        translator.verify();
        translator.prepare();

        TranslationResult result = translate(translator, "fr", "DE", "Kiev et le Pentagone", "Le Monde écrit");

        assertThat(result.texts()).as("both the service's glossary and the desk's applied")
                .containsExactly("[DE] Kyjiw et le Pentagon", "[DE] Le Monde écrit");
        RecordedRequest request = standIn.requests().get(standIn.requests().size() - 1);
        assertThat(request.status()).isEqualTo(200);
        assertThat(request.parameter("style_id")).isEqualTo(style);
        assertThat(request.parameters().get("custom_instructions"))
                .containsExactly("Write numbers as digits.", "Use Swiss spelling.");
        String own = translator.options("fr", "DE").glossaryId();
        assertThat(request.parameterList("glossary_ids")).as("own first, then the desk's; not the en-de one")
                .containsExactly(own, desk);
        assertThat(request.glossaryId()).isNull();
        assertThat(request.parameter("translation_memory_id")).isEqualTo(memory);
        assertThat(request.parameter("translation_memory_threshold")).isEqualTo("80");
        assertThat(request.tagHandling()).as("a protected term: the texts are XML").isEqualTo("xml");
        assertThat(request.parameter("tag_handling_version")).isEqualTo("v2");
        assertThat(standIn.headerValues(DeepLCustomizations.REPORTING_TAG_HEADER)).as("every request, checks included")
                .isNotEmpty().containsOnly("desk-berlin");
    }

    @Test
    void longCustomInstructionsLeaveRoomSoNoRequestExceedsDeepLsBodyLimit() throws Exception {
        // Ten instructions of 300 non-ASCII characters: about 18 KB form-encoded, beyond the usual 1 KiB of room.
        List<String> instructions = java.util.Collections.nCopies(10, "é".repeat(300));
        DeepLTranslator translator = translator(Map.of("DE", new DeepLCustomizations.ForTarget(null, instructions,
                List.of(), null, null)), null);
        List<String> texts = java.util.stream.IntStream.range(0, 50).mapToObj(i -> i + " " + "a".repeat(2500)).toList();

        TranslationResult result = translator.translate(new TranslationRequest("fr", "DE", texts, translator.options("fr", "DE")));

        assertThat(result.texts()).hasSize(50).allSatisfy(t -> assertThat(t).startsWith("[DE] "));
        assertThat(standIn.limitViolations()).isEmpty();
        assertThat(standIn.requests()).hasSizeGreaterThan(1).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.parameters().get("custom_instructions")).hasSize(10);
        });
    }

    @Test
    void aTargetWithoutCustomizationsSendsNone() throws Exception {
        String style = standIn.addStyleRule("house style", "de");
        DeepLTranslator translator = translator(Map.of("DE", style(style)), null);

        translate(translator, "fr", "EN-US", "Bonjour");

        RecordedRequest request = standIn.requests().get(0);
        assertThat(request.parameters()).doesNotContainKeys("style_id", "custom_instructions", "glossary_ids",
                "translation_memory_id", "tag_handling_version");
        assertThat(standIn.headerValues(DeepLCustomizations.REPORTING_TAG_HEADER)).containsOnlyNulls();
    }

    @Test
    void aChangedStyleRuleIsNewSettingsSoTheMemoryIsNotReusedAcrossStyles() {
        DeepLTranslator plain = translator(Map.of(), null);
        DeepLTranslator styleA = translator(Map.of("DE", style("style-a")), null);
        DeepLTranslator styleAAgain = translator(Map.of("DE", style("style-a")), "another-tag");
        DeepLTranslator styleB = translator(Map.of("DE", style("style-b")), null);
        String paragraph = "Frappes sur Kiev.";

        assertThat(SettingsFingerprint.of(styleA, "fr", "DE")).isNotEqualTo(SettingsFingerprint.of(styleB, "fr", "DE"))
                .isNotEqualTo(SettingsFingerprint.of(plain, "fr", "DE"))
                .as("the reporting tag changes the bill, not the translation")
                .isEqualTo(SettingsFingerprint.of(styleAAgain, "fr", "DE"));
        assertThat(MemoryKeys.of(styleA, "fr", "DE").key(paragraph))
                .isNotEqualTo(MemoryKeys.of(styleB, "fr", "DE").key(paragraph));
        assertThat(SettingsFingerprint.of(styleA, "fr", "EN-US")).as("EN-US has no style of its own")
                .isEqualTo(SettingsFingerprint.of(plain, "fr", "EN-US"));

        DeepLTranslator instructed = translator(Map.of("DE", new DeepLCustomizations.ForTarget(null,
                List.of("Write numbers as digits."), List.of(), null, null)), null);
        DeepLTranslator otherwise = translator(Map.of("DE", new DeepLCustomizations.ForTarget(null,
                List.of("Write numbers in words."), List.of(), null, null)), null);
        DeepLTranslator memory75 = translator(Map.of("DE", new DeepLCustomizations.ForTarget(null,
                List.of(), List.of(), "tm", 75)), null);
        DeepLTranslator memory90 = translator(Map.of("DE", new DeepLCustomizations.ForTarget(null,
                List.of(), List.of(), "tm", 90)), null);
        DeepLTranslator glossary = translator(Map.of("DE", new DeepLCustomizations.ForTarget(null,
                List.of(), List.of("g1"), null, null)), null);
        assertThat(List.of(instructed, otherwise, memory75, memory90, glossary, plain))
                .extracting(t -> SettingsFingerprint.of(t, "fr", "DE")).doesNotHaveDuplicates();
    }

    @Test
    void anIdDeepLDoesNotKnowStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> translator(Map.of("DE", style("no-such-style")), null).verify())
                .isInstanceOf(ConfigException.class).hasMessageContaining("DEEPL_STYLE_ID")
                .hasMessageContaining("no-such-style");
        assertThatThrownBy(() -> translator(Map.of("DE", new DeepLCustomizations.ForTarget(null, List.of(),
                List.of(), "no-such-memory", null)), null).verify())
                .isInstanceOf(ConfigException.class).hasMessageContaining("DEEPL_TRANSLATION_MEMORY_ID")
                .hasMessageContaining("no-such-memory");
        assertThatThrownBy(() -> translator(Map.of("DE", new DeepLCustomizations.ForTarget(null, List.of(),
                List.of("no-such-glossary"), null, null)), null).verify())
                .isInstanceOf(ConfigException.class).hasMessageContaining("DEEPL_GLOSSARY_IDS")
                .hasMessageContaining("no-such-glossary");
    }

    @Test
    void anIdForAnotherLanguageStopsStartUpNamingTheSetting() {
        String english = standIn.addStyleRule("english style", "en");
        assertThatThrownBy(() -> translator(Map.of("DE", style(english)), null).verify())
                .isInstanceOf(ConfigException.class).hasMessageContaining("DEEPL_STYLE_ID")
                .hasMessageContaining("is for en, not for the target DE");
        String frenchMemory = standIn.addTranslationMemory("into french", "de", List.of("fr"));
        assertThatThrownBy(() -> translator(Map.of("DE", new DeepLCustomizations.ForTarget(null, List.of(),
                List.of(), frenchMemory, null)), null).verify())
                .isInstanceOf(ConfigException.class).hasMessageContaining("DEEPL_TRANSLATION_MEMORY_ID")
                .hasMessageContaining("not into the target DE");
        String enFr = standIn.addGlossary("en-fr", "en", "fr", Map.of("a", "b"));
        assertThatThrownBy(() -> translator(Map.of("DE", new DeepLCustomizations.ForTarget(null, List.of(),
                List.of(enFr), null, null)), null).verify())
                .isInstanceOf(ConfigException.class).hasMessageContaining("DEEPL_GLOSSARY_IDS")
                .hasMessageContaining("no dictionary into de");
    }

    @Test
    void aStyleRuleDeletedAtDeepLAfterStartUpHoldsThePairInsteadOfRefusingTheArticle() throws Exception {
        String style = standIn.addStyleRule("house style", "de");
        DeepLTranslator translator = translator(Map.of("DE", style(style)), null);
        translator.verify();
        standIn.deleteCustomization(style);

        assertThatThrownBy(() -> translate(translator, "fr", "DE", "Bonjour"))
                .isInstanceOfSatisfying(TranslationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TranslationException.Kind.CONFIGURATION);
                    assertThat(e.configurationFault()).isEqualTo(TranslationException.CUSTOMIZATION_NOT_FOUND);
                    assertThat(e.getMessage()).contains("DEEPL_STYLE_ID");
                });
    }
}
