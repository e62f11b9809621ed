package news.wiretranslation.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import news.wiretranslation.config.ConfigException;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.Setting;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.detect.CachingLanguageDetector;
import news.wiretranslation.detect.LanguageDetector;
import news.wiretranslation.detect.LanguageResolver;
import news.wiretranslation.label.ArticleLabeler;
import news.wiretranslation.label.Disclaimers;
import news.wiretranslation.metrics.PipelineMetrics;
import news.wiretranslation.normalize.BoilerplateRules;
import news.wiretranslation.normalize.TextNormalizer;
import news.wiretranslation.quality.QualityChecker;
import news.wiretranslation.topology.ArticlePreparation;
import news.wiretranslation.topology.ArticleTranslation;
import news.wiretranslation.topology.NormalizationStep;
import news.wiretranslation.topology.PipelineParts;
import news.wiretranslation.topology.ReplaySelection;
import news.wiretranslation.topology.TranslateStep;
import news.wiretranslation.translate.fault.RetryingTranslator;
import news.wiretranslation.translate.Translator;
import news.wiretranslation.translate.async.BatchLimits;
import news.wiretranslation.translate.async.Dispatcher;
import news.wiretranslation.translate.async.DispatcherSettings;
import news.wiretranslation.translate.async.InlineDispatcher;
import news.wiretranslation.translate.async.SpanCheck;
import news.wiretranslation.translate.async.TranslationDispatcher;
import news.wiretranslation.translate.fault.EngineGuard;

/**
 * Assembles the pipeline's parts from the configuration: the one place where the detector, the translator with its
 * fault policy and retries, the checks, the labels and the meters meet. The topology is then built from them
 * ({@code TranslationTopology.build}); the service, the replay and the tests all assemble through here.
 */
public final class Pipeline {
    /** Detections remembered (one text of at most DETECTION_MAX_CHARS characters each): revisions repeat a lead. */
    static final int DETECTION_CACHE_ENTRIES = 20_000;

    private Pipeline() {
    }

    /**
     * The parts of the service's topology.
     *
     * @param engine  the configured engine, metered ({@link Translators#create}); no retries of its own
     * @param guard   the instance's fault policy, told of every request's outcome; null for none
     * @param replay  what a replay instance reprocesses; empty for the live service
     */
    public static PipelineParts assemble(ServiceConfig config, LanguageDetector detector, Translator engine,
                                         EngineGuard guard, PipelineMetrics metrics, Clock clock,
                                         Optional<ReplaySelection> replay) {
        Optional<QualityChecker> quality = qualityChecker(config, detector);
        ArticleLabeler labeler = new ArticleLabeler(clock, disclaimers(config));
        List<ArticleTranslation> targets = config.targetLanguages().stream()
                .map(target -> new ArticleTranslation(target, engine, labeler, quality)).toList();
        TranslateStep step = new TranslateStep(dispatcher(config, engine, quality, guard), config, clock);
        return new PipelineParts(preparation(config, detector), targets, step, metrics, replay);
    }

    /** Validation, normalization and detection as configured (the replay's dry run decides through them too). */
    public static ArticlePreparation preparation(ServiceConfig config, LanguageDetector detector) {
        NormalizationStep normalization = new NormalizationStep(new TextNormalizer(boilerplateRules(config)));
        LanguageResolver resolver = new LanguageResolver(new CachingLanguageDetector(detector, DETECTION_CACHE_ENTRIES),
                config.sourceLanguages(), config.detection().minConfidence(), config.detection().maxChars());
        return new ArticlePreparation(normalization, resolver);
    }

    /**
     * Batched on the dispatcher's own threads, retrying without limit ({@code TRANSLATION_MODE=async}); or inline on
     * the stream thread with bounded retries, the synchronous design the benchmark compares with ({@code sync}).
     */
    static Dispatcher dispatcher(ServiceConfig config, Translator engine, Optional<QualityChecker> quality, EngineGuard guard) {
        if (config.async().mode() == ServiceConfig.TranslationMode.SYNC) {
            return new InlineDispatcher(new RetryingTranslator(engine, config.retry().maxAttempts(),
                    config.retry().initialBackoff()).guardedBy(guard));
        }
        ServiceConfig.Async async = config.async();
        SpanCheck spans = quality.<SpanCheck>map(checker -> (source, translation, lane) -> checker.untranslatedSpans(
                source, translation, lane.sourceLanguage(), TargetLanguage.parse(lane.targetLanguage()).language())).orElse(null);
        return new TranslationDispatcher(engine, new DispatcherSettings(async.concurrency(),
                new BatchLimits(async.batchMaxTexts(), async.batchMaxBytes()), async.linger(), async.queueCapacity(),
                config.retry().initialBackoff(), async.retryMaxBackoff()), spans, d -> Thread.sleep(d.toMillis()), guard);
    }

    /** The quality checker the configuration asks for, if any. */
    static Optional<QualityChecker> qualityChecker(ServiceConfig config, LanguageDetector detector) {
        ServiceConfig.Labelling labelling = config.labelling();
        return labelling.qualityChecks()
                ? Optional.of(new QualityChecker(detector, labelling.minLengthRatio(), labelling.maxLengthRatio()))
                : Optional.empty();
    }

    static BoilerplateRules boilerplateRules(ServiceConfig config) {
        return config.labelling().normalizationRules().map(file -> {
            try {
                return BoilerplateRules.load(file);
            } catch (RuntimeException e) {
                throw new ConfigException("Cannot use " + Setting.NORMALIZATION_RULES_FILE.env() + ": " + e.getMessage(), e);
            }
        }).orElseGet(BoilerplateRules::defaults);
    }

    static Disclaimers disclaimers(ServiceConfig config) {
        Optional<Path> file = config.labelling().disclaimers();
        if (file.isEmpty()) {
            return Disclaimers.defaults();
        }
        try {
            return Disclaimers.withOverrides(file.get());
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("Cannot use " + Setting.DISCLAIMERS_FILE.env() + "=" + file.get() + ": " + e.getMessage(), e);
        }
    }
}
