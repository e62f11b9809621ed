package news.wiretranslation.service;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import news.wiretranslation.config.ConfigException;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.Setting;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.Translator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the terminology files: once at start-up, where a bad file or a failed glossary sync stops the service with
 * a message naming the setting, then every {@code GLOSSARY_RELOAD_INTERVAL_MS}, where a failure is logged and the
 * terminology in use stays (an editor's typo must not stop translation).
 */
final class TerminologyReloader implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TerminologyReloader.class);

    private final ScheduledExecutorService scheduler;

    private TerminologyReloader(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Prepares {@code translator} now and, when the configuration has terminology files, schedules reloads. */
    static TerminologyReloader start(ServiceConfig config, Translator translator) {
        try {
            translator.prepare();
        } catch (TranslationException e) {
            throw new ConfigException("Cannot set up the glossaries of " + Setting.GLOSSARY_DIR.env() + " on "
                    + translator.engine() + ": " + e.getMessage(), e);
        }
        ServiceConfig.StyleGuide style = config.styleGuide();
        Duration interval = style.reloadInterval();
        if (interval.isZero() || (style.glossaryDir().isEmpty() && style.protectedTermsFile().isEmpty())) {
            return new TerminologyReloader(null);
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "terminology-reload");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> reload(translator), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return new TerminologyReloader(scheduler);
    }

    private static void reload(Translator translator) {
        try {
            translator.prepare();
        } catch (TranslationException | RuntimeException e) {
            log.error("Reloading the terminology failed; the glossaries and protected terms in use stay: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
