package news.wiretranslation.service;

import io.micrometer.core.instrument.Metrics;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.glossary.TerminologyFiles;
import news.wiretranslation.translate.ProtectedTermsTranslator;
import news.wiretranslation.translate.Translator;
import news.wiretranslation.translate.apertium.ApertiumApySettings;
import news.wiretranslation.translate.apertium.ApertiumApyTranslator;
import news.wiretranslation.translate.apertium.ApertiumCliSettings;
import news.wiretranslation.translate.apertium.ApertiumCliTranslator;
import news.wiretranslation.translate.deepl.DeepLProxy;
import news.wiretranslation.translate.deepl.DeepLSettings;
import news.wiretranslation.translate.deepl.DeepLTranslator;
import news.wiretranslation.translate.meters.MeteredTranslator;

/**
 * Builds the configured translation backend, metered (each request to the engine). Retries are the dispatcher's
 * ({@link Pipeline#dispatcher}), not the engine's.
 */
public final class Translators {
    private Translators() {
    }

    public static Translator create(ServiceConfig config) {
        return new MeteredTranslator(engine(config), Metrics.globalRegistry);
    }

    /** The glossary directory and protected-terms file of the configuration. */
    public static TerminologyFiles terminologyFiles(ServiceConfig config) {
        return new TerminologyFiles(config.styleGuide().glossaryDir(), config.styleGuide().protectedTermsFile());
    }

    static Translator engine(ServiceConfig config) {
        return switch (config.engine()) {
            case DEEPL -> {
                ServiceConfig.DeepL deepL = config.deepL().orElseThrow();
                ServiceConfig.StyleGuide style = config.styleGuide();
                yield new DeepLTranslator(new DeepLSettings(deepL.authKey(), deepL.serverUrl().orElse(null),
                        deepL.timeout(), deepL.modelType().orElse(null), style.formality(), style.headlineAsContext(),
                        deepL.modelTypeByTarget(), DeepLProxy.of(deepL.proxy().orElse(null)), deepL.headers(),
                        deepL.customizations()),
                        terminologyFiles(config), config.applicationId());
            }
            case APERTIUM -> {
                ServiceConfig.Apertium apertium = config.apertium();
                Translator engine = apertium.apyUrl()
                        .<Translator>map(url -> new ApertiumApyTranslator(
                                new ApertiumApySettings(java.net.URI.create(url), apertium.timeout(), 0)))
                        .orElseGet(() -> new ApertiumCliTranslator(ApertiumCliSettings.defaults().withTimeout(apertium.timeout())));
                if (config.styleGuide().glossaryDir().isPresent()) {
                    org.slf4j.LoggerFactory.getLogger(Translators.class).warn("{} is set but Apertium applies no glossaries;"
                            + " only the protected terms and the checks after translation apply", "GLOSSARY_DIR");
                }
                // Apertium cannot skip a span: protected terms are translated around.
                yield config.styleGuide().protectedTermsFile().isPresent()
                        ? new ProtectedTermsTranslator(engine, terminologyFiles(config)) : engine;
            }
        };
    }
}
