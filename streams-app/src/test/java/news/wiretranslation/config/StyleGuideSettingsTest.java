package news.wiretranslation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GLOSSARY_DIR, PROTECTED_TERMS_FILE, GLOSSARY_RELOAD_INTERVAL_MS, DEEPL_FORMALITY, DEEPL_CONTEXT_FROM_HEADLINE. */
class StyleGuideSettingsTest {
    @TempDir
    Path dir;

    private static Map<String, String> with(String... keyValues) {
        return TestConfigs.localSettingsWith(keyValues);
    }

    @Test
    void byDefaultThereIsNoTerminologyAndDeepLsDefaults() {
        ServiceConfig.StyleGuide style = TestConfigs.load(with()).styleGuide();

        assertThat(style.glossaryDir()).isEmpty();
        assertThat(style.protectedTermsFile()).isEmpty();
        assertThat(style.formality()).isEmpty();
        assertThat(style.headlineAsContext()).isFalse();
        assertThat(style.reloadInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void formalityIsReadPerTarget() {
        ServiceConfig.StyleGuide style = TestConfigs.load(with("TARGET_LANGUAGES", "EN-US,DE,FR,PT-BR",
                "DEEPL_FORMALITY", "de=more, FR=prefer_less,EN-US=prefer_more", "DEEPL_CONTEXT_FROM_HEADLINE", "true")).styleGuide();

        assertThat(style.formality()).containsOnly(Map.entry("DE", "more"), Map.entry("FR", "prefer_less"),
                Map.entry("EN-US", "prefer_more"));
        assertThat(style.headlineAsContext()).isTrue();
    }

    @Test
    void modelTypeIsReadForEveryTargetAndPerTarget() {
        ServiceConfig.DeepL deepL = TestConfigs.load(with("TARGET_LANGUAGES", "EN-US,DE,FR",
                "DEEPL_MODEL_TYPE", "quality_optimized, de=latency_optimized")).deepL().orElseThrow();

        assertThat(deepL.modelType()).contains("quality_optimized");
        assertThat(deepL.modelTypeByTarget()).containsOnly(Map.entry("DE", "latency_optimized"));
        assertThat(TestConfigs.load(with("DEEPL_MODEL_TYPE", "latency_optimized")).deepL().orElseThrow().modelTypeByTarget())
                .isEmpty();
    }

    @Test
    void aModelTypeForAnUnknownTargetOrOfAnUnknownKindStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> TestConfigs.load(with("DEEPL_MODEL_TYPE", "FR=latency_optimized")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DEEPL_MODEL_TYPE")
                .hasMessageContaining("FR, which is not one of TARGET_LANGUAGES");
        assertThatThrownBy(() -> TestConfigs.load(with("DEEPL_MODEL_TYPE", "EN-US=fastest")))
                .hasMessageContaining("DEEPL_MODEL_TYPE")
                .hasMessageContaining("'fastest' is none of them");
    }

    @Test
    void aFormalityDeepLWouldRejectStopsStartUpWithAClearMessage() {
        assertThatThrownBy(() -> TestConfigs.load(with("DEEPL_FORMALITY", "EN-US=more")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DEEPL_FORMALITY")
                .hasMessageContaining("DeepL supports no formality for EN-US")
                .hasMessageContaining("prefer_more");
        assertThatThrownBy(() -> TestConfigs.load(with("DEEPL_FORMALITY", "DE=polite")))
                .hasMessageContaining("formality 'polite' for DE is not one of default, more, less, prefer_more, prefer_less");
        assertThatThrownBy(() -> TestConfigs.load(with("DEEPL_FORMALITY", "FR=more")))
                .hasMessageContaining("FR is not one of TARGET_LANGUAGES");
        assertThatThrownBy(() -> TestConfigs.load(with("DEEPL_FORMALITY", "DE")))
                .hasMessageContaining("'DE' has no '='");
    }

    @Test
    void aMissingGlossaryDirectoryStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> TestConfigs.load(with("GLOSSARY_DIR", dir.resolve("nowhere").toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("GLOSSARY_DIR");
        assertThatThrownBy(() -> TestConfigs.load(with("PROTECTED_TERMS_FILE", dir.resolve("none.txt").toString())))
                .hasMessageContaining("PROTECTED_TERMS_FILE");
        assertThat(TestConfigs.load(with("GLOSSARY_DIR", dir.toString())).styleGuide().glossaryDir()).contains(dir);
    }
}
