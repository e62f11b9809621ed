package news.wiretranslation.service;

import io.micrometer.core.instrument.Metrics;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.metrics.MeteredTranslator;
import news.wiretranslation.translate.RetryingTranslator;
import news.wiretranslation.translate.Translator;
import news.wiretranslation.translate.apertium.ApertiumApySettings;
import news.wiretranslation.translate.apertium.ApertiumApyTranslator;
import news.wiretranslation.translate.apertium.ApertiumCliSettings;
import news.wiretranslation.translate.apertium.ApertiumCliTranslator;
import news.wiretranslation.translate.deepl.DeepLSettings;
import news.wiretranslation.translate.deepl.DeepLTranslator;

/**
 * Builds the configured translation backend, metered (each request to the engine, under the retries) and wrapped in
 * the pipeline's bounded retries.
 */
public final class Translators {
    private Translators() {
    }

    public static Translator create(ServiceConfig config) {
        Translator metered = new MeteredTranslator(engine(config), Metrics.globalRegistry);
        return new RetryingTranslator(metered, config.retry().maxAttempts(), config.retry().initialBackoff());
    }

    static Translator engine(ServiceConfig config) {
        return switch (config.engine()) {
            case DEEPL -> {
                ServiceConfig.DeepL deepL = config.deepL().orElseThrow();
                yield new DeepLTranslator(new DeepLSettings(deepL.authKey(), deepL.serverUrl().orElse(null),
                        deepL.timeout(), deepL.modelType().orElse(null)));
            }
            case APERTIUM -> {
                ServiceConfig.Apertium apertium = config.apertium();
                yield apertium.apyUrl()
                        .<Translator>map(url -> new ApertiumApyTranslator(
                                new ApertiumApySettings(java.net.URI.create(url), apertium.timeout(), 0)))
                        .orElseGet(() -> new ApertiumCliTranslator(ApertiumCliSettings.defaults().withTimeout(apertium.timeout())));
            }
        };
    }
}
