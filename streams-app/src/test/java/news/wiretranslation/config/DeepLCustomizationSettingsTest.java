package news.wiretranslation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DEEPL_STYLE_ID, DEEPL_CUSTOM_INSTRUCTIONS_FILE, DEEPL_GLOSSARY_IDS, DEEPL_TRANSLATION_MEMORY_ID,
 * DEEPL_TRANSLATION_MEMORY_THRESHOLD and DEEPL_REPORTING_TAG: read per target, DeepL's limits enforced, each error
 * naming its setting.
 */
class DeepLCustomizationSettingsTest {
    @TempDir
    Path dir;

    private static Map<String, String> with(String... keyValues) {
        return TestConfigs.localSettingsWith(keyValues);
    }

    private static DeepLCustomizations customizations(Map<String, String> settings) {
        return TestConfigs.load(settings).deepL().orElseThrow().customizations();
    }

    private Path instructions(String content) throws IOException {
        return Files.writeString(dir.resolve("instructions.txt"), content);
    }

    @Test
    void withoutTheSettingsNoTargetHasCustomizations() {
        DeepLCustomizations none = customizations(with());

        assertThat(none.byTarget()).isEmpty();
        assertThat(none.reportingTag()).isEmpty();
        assertThat(none.forTarget("EN-US").isEmpty()).isTrue();
    }

    @Test
    void eachSettingIsReadForEveryTargetAndPerTarget() throws IOException {
        Path file = instructions("# house style\n*: Write numbers as digits.\nDE: Use the Swiss spelling without ß.\n");
        DeepLCustomizations custom = customizations(with("TARGET_LANGUAGES", "EN-US,DE",
                "DEEPL_STYLE_ID", "DE=style-de,EN-US=style-en",
                "DEEPL_CUSTOM_INSTRUCTIONS_FILE", file.toString(),
                "DEEPL_GLOSSARY_IDS", "g-all, de=g-de-1, DE=g-de-2",
                "DEEPL_TRANSLATION_MEMORY_ID", "DE=tm-de",
                "DEEPL_TRANSLATION_MEMORY_THRESHOLD", "80",
                "DEEPL_REPORTING_TAG", "newsroom-berlin"));

        DeepLCustomizations.ForTarget de = custom.forTarget("DE");
        assertThat(de.styleId()).isEqualTo("style-de");
        assertThat(de.instructions()).containsExactly("Write numbers as digits.", "Use the Swiss spelling without ß.");
        assertThat(de.glossaryIds()).containsExactly("g-all", "g-de-1", "g-de-2");
        assertThat(de.translationMemoryId()).isEqualTo("tm-de");
        assertThat(de.translationMemoryThreshold()).isEqualTo(80);
        DeepLCustomizations.ForTarget en = custom.forTarget("en-us");
        assertThat(en.styleId()).isEqualTo("style-en");
        assertThat(en.instructions()).containsExactly("Write numbers as digits.");
        assertThat(en.glossaryIds()).containsExactly("g-all");
        assertThat(en.translationMemoryId()).as("the memory is DE's only").isNull();
        assertThat(en.translationMemoryThreshold()).isNull();
        assertThat(custom.reportingTag()).contains("newsroom-berlin");
    }

    @Test
    void aStyleRuleForEveryTargetNeedsTargetsOfOneLanguage() {
        assertThat(customizations(with("TARGET_LANGUAGES", "EN-US,EN-GB", "DEEPL_STYLE_ID", "style-en"))
                .forTarget("EN-GB").styleId()).isEqualTo("style-en");
        assertThatThrownBy(() -> customizations(with("TARGET_LANGUAGES", "EN-US,DE", "DEEPL_STYLE_ID", "style-x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DEEPL_STYLE_ID")
                .hasMessageContaining("one per target");
    }

    @Test
    void malformedIdsAndUnknownTargetsStopStartUpNamingTheSetting() {
        assertThatThrownBy(() -> customizations(with("DEEPL_STYLE_ID", "FR=abc")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DEEPL_STYLE_ID")
                .hasMessageContaining("FR is not one of TARGET_LANGUAGES");
        assertThatThrownBy(() -> customizations(with("DEEPL_TRANSLATION_MEMORY_ID", "tm one")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DEEPL_TRANSLATION_MEMORY_ID")
                .hasMessageContaining("'tm one' is not one");
        assertThatThrownBy(() -> customizations(with("TARGET_LANGUAGES", "DE", "DEEPL_STYLE_ID", "a,DE=b,DE=c")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DEEPL_STYLE_ID")
                .hasMessageContaining("one id for DE, not 2");
    }

    @Test
    void moreGlossariesThanDeepLTakesInOneRequestStopStartUp() throws IOException {
        assertThat(customizations(with("TARGET_LANGUAGES", "DE", "DEEPL_GLOSSARY_IDS", "g1,g2,g3,g4,g5"))
                .forTarget("DE").glossaryIds()).hasSize(5);
        assertThatThrownBy(() -> customizations(with("TARGET_LANGUAGES", "DE", "DEEPL_GLOSSARY_IDS", "g1,g2,g3,DE=g4,DE=g5,DE=g6")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DEEPL_GLOSSARY_IDS")
                .hasMessageContaining("DE would get 6 glossaries");
        Path glossaries = Files.createDirectory(dir.resolve("glossaries"));
        assertThatThrownBy(() -> customizations(with("TARGET_LANGUAGES", "DE", "GLOSSARY_DIR", glossaries.toString(),
                "DEEPL_GLOSSARY_IDS", "g1,g2,g3,g4,g5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DEEPL_GLOSSARY_IDS")
                .hasMessageContaining("the service's own from GLOSSARY_DIR");
    }

    @Test
    void customInstructionsAreHeldToDeepLsLimits() throws IOException {
        String tooLong = "x".repeat(301);
        assertThatThrownBy(() -> customizations(with("TARGET_LANGUAGES", "DE",
                "DEEPL_CUSTOM_INSTRUCTIONS_FILE", instructions("DE: " + tooLong + "\n").toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DEEPL_CUSTOM_INSTRUCTIONS_FILE")
                .hasMessageContaining("line 1").hasMessageContaining("not 301");
        String eleven = String.join("\n", java.util.Collections.nCopies(11, "*: Keep it short.")) + "\n";
        assertThatThrownBy(() -> customizations(with("TARGET_LANGUAGES", "DE",
                "DEEPL_CUSTOM_INSTRUCTIONS_FILE", instructions(eleven).toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DE would get 11 instructions");
        assertThatThrownBy(() -> customizations(with("TARGET_LANGUAGES", "NL",
                "DEEPL_CUSTOM_INSTRUCTIONS_FILE", instructions("*: Keep it short.\n").toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("only for targets in").hasMessageContaining("NL");
        assertThatThrownBy(() -> customizations(with("TARGET_LANGUAGES", "DE",
                "DEEPL_CUSTOM_INSTRUCTIONS_FILE", instructions("no target here\n").toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("line 1: 'TARGET: instruction'");
        assertThatThrownBy(() -> customizations(with("DEEPL_CUSTOM_INSTRUCTIONS_FILE", dir.resolve("missing").toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DEEPL_CUSTOM_INSTRUCTIONS_FILE")
                .hasMessageContaining("a readable UTF-8 file");
    }

    @Test
    void styleRulesAndInstructionsAreRefusedWithTheLatencyOptimizedModel() throws IOException {
        assertThatThrownBy(() -> customizations(with("TARGET_LANGUAGES", "DE", "DEEPL_MODEL_TYPE", "DE=latency_optimized",
                "DEEPL_STYLE_ID", "DE=s1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DEEPL_STYLE_ID")
                .hasMessageContaining("latency_optimized");
        assertThatThrownBy(() -> customizations(with("TARGET_LANGUAGES", "DE", "DEEPL_MODEL_TYPE", "latency_optimized",
                "DEEPL_CUSTOM_INSTRUCTIONS_FILE", instructions("DE: Keep it short.\n").toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DEEPL_CUSTOM_INSTRUCTIONS_FILE");
    }

    @Test
    void theThresholdIsAPercentageAndNeedsATranslationMemory() {
        assertThatThrownBy(() -> customizations(with("DEEPL_TRANSLATION_MEMORY_ID", "tm", "DEEPL_TRANSLATION_MEMORY_THRESHOLD", "101")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DEEPL_TRANSLATION_MEMORY_THRESHOLD")
                .hasMessageContaining("0 to 100");
        assertThatThrownBy(() -> customizations(with("DEEPL_TRANSLATION_MEMORY_THRESHOLD", "75")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DEEPL_TRANSLATION_MEMORY_THRESHOLD")
                .hasMessageContaining("set DEEPL_TRANSLATION_MEMORY_ID");
    }

    @Test
    void theReportingTagIsCheckedAndSetInOnePlaceOnly() {
        for (String bad : List.of("has space", "x".repeat(101), "tag\u00e9")) {
            assertThatThrownBy(() -> customizations(with("DEEPL_REPORTING_TAG", bad)))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("DEEPL_REPORTING_TAG");
        }
        assertThatThrownBy(() -> customizations(with("DEEPL_REPORTING_TAG", "desk-1",
                "DEEPL_EXTRA_HEADERS", "x-deepl-reporting-tag=desk-2")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DEEPL_REPORTING_TAG")
                .hasMessageContaining("set it in one place");
    }
}
