package news.wiretranslation.service;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import news.wiretranslation.config.ConfigException;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.translate.deepl.DeepLStandIn;
import org.junit.jupiter.api.Test;

/**
 * The service's start-up ({@link TranslationService#create(ServiceConfig)}) with DeepL customizations the account
 * does not have: it stops with a message naming the setting, before Kafka is touched (the bootstrap server here
 * listens nowhere).
 */
class StartUpChecksDeepLCustomizationsTest {

    private static ServiceConfig config(DeepLStandIn deepL, String setting, String value) {
        Map<String, String> env = TestConfigs.standInSettings("127.0.0.1:1", "mock://start-up-checks", deepL, "start-up-checks");
        env.put(setting, value);
        return TestConfigs.load(env);
    }

    @Test
    void aStyleRuleOrTranslationMemoryDeepLDoesNotKnowStopsStartUpNamingTheSetting() throws Exception {
        try (DeepLStandIn deepL = new DeepLStandIn().start()) {
            assertThatThrownBy(() -> TranslationService.create(config(deepL, "DEEPL_STYLE_ID", "DE=no-such-style")))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("DEEPL_STYLE_ID").hasMessageContaining("no-such-style");
            assertThatThrownBy(() -> TranslationService.create(config(deepL, "DEEPL_TRANSLATION_MEMORY_ID", "tm-gone")))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("DEEPL_TRANSLATION_MEMORY_ID").hasMessageContaining("tm-gone");
        }
    }
}
