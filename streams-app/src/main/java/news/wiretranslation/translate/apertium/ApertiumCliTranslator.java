package news.wiretranslation.translate.apertium;

import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationException.Kind;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.Translator;
import news.wiretranslation.translate.apertium.ApertiumPairs.Pair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@link Translator} backed by the local {@code apertium} command: offline, free, and fast for related
 * languages, at a quality below DeepL's.
 *
 * <p>Each hop of a request is one {@code apertium -u -f txt <mode>} process: {@code -u} leaves unknown words
 * unmarked (Apertium would prefix them with {@code *}), {@code -f txt} reads plain text. All texts of a request go
 * through one process per hop, joined and split again by {@link ParagraphBatch}; should the split fail (a text that
 * contains a separator line), the texts of that hop are translated one process each. Pairs that Apertium lacks are
 * bridged through a pivot language ({@link ApertiumPairs#route}), e.g. French→English as {@code fr-es>spa-eng}.
 *
 * <p>The installed pairs and Apertium's version are read once, on first use (two short processes:
 * {@code apertium -l}, {@code apertium -V}): packages installed later need a restart. A process that fails or
 * outlives {@link ApertiumCliSettings#timeout()} is reported as {@link Kind#UNAVAILABLE}, with its stderr; a
 * language pair without route as {@link Kind#REJECTED}. Nothing is billed: {@code billedCharacters} is always 0.
 *
 * <p>Thread-safe: every call runs its own processes and the discovered pairs are immutable.
 */
public final class ApertiumCliTranslator implements Translator {

    /** The engine name written into every label. */
    public static final String ENGINE = "apertium";

    /** Listing pairs or printing the version takes milliseconds; this only guards against a hung installation. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    /** Enough of stderr to show the error, not so much that a log line explodes. */
    private static final int MAX_STDERR_IN_MESSAGE = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(ApertiumCliTranslator.class);

    private final ApertiumCliSettings settings;
    private volatile Installation installation; // null until first use

    /** What {@code apertium} offers: its pairs and version (null if it did not say). */
    private record Installation(ApertiumPairs pairs, String version) {
    }

    /** {@code apertium} from the PATH with {@link ApertiumCliSettings#defaults()}. */
    public ApertiumCliTranslator() {
        this(ApertiumCliSettings.defaults());
    }

    public ApertiumCliTranslator(ApertiumCliSettings settings) {
        this.settings = settings;
    }

    /** Whether {@code apertium} runs from the PATH and has at least one language pair: for choosing a backend. */
    public static boolean isInstalled() {
        return isInstalled(ApertiumCliSettings.defaults());
    }

    /** Whether the {@code apertium} of {@code settings} runs and has at least one language pair. */
    public static boolean isInstalled(ApertiumCliSettings settings) {
        try {
            return !listPairs(settings).isEmpty();
        } catch (TranslationException e) {
            return false;
        }
    }

    @Override
    public String engine() {
        return ENGINE;
    }

    @Override
    public TranslationResult translate(TranslationRequest request) throws TranslationException {
        Installation installed = installation();
        List<Pair> route = RoutedTranslation.route(request, installed.pairs());
        long start = System.nanoTime();
        TranslationResult result = RoutedTranslation.translate(request, route, ENGINE, installed.version(),
                this::translateHop);
        LOG.debug("Apertium translated {} texts {} -> {} via {} in {} ms", request.texts().size(),
                request.sourceLanguage(), request.targetLanguage(), result.engineModel(),
                (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    /**
     * Runs {@code apertium -l} and {@code apertium -V} (again, even if already done): fails with
     * {@link Kind#UNAVAILABLE} if {@code apertium} does not run or has no language pair installed.
     */
    @Override
    public void verify() throws TranslationException {
        Installation found = discover(settings);
        installation = found;
        LOG.info("Apertium available ({}), pairs: {}", found.version() == null ? "version unknown" : found.version(),
                found.pairs());
    }

    /**
     * The installed pairs, read on first use.
     *
     * @throws TranslationException UNAVAILABLE if {@code apertium} does not run or has no pair installed
     */
    public ApertiumPairs pairs() throws TranslationException {
        return installation().pairs();
    }

    /** Each call runs and ends its own processes: nothing is held between calls. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "ApertiumCliTranslator[" + settings + "]";
    }

    private Installation installation() throws TranslationException {
        Installation current = installation;
        if (current == null) {
            synchronized (this) {
                if (installation == null) {
                    installation = discover(settings);
                }
                current = installation;
            }
        }
        return current;
    }

    private List<String> translateHop(Pair pair, List<String> texts) throws TranslationException {
        if (texts.size() == 1) {
            return List.of(runMode(pair, texts.get(0) + "\n").strip());
        }
        Optional<List<String>> batch = ParagraphBatch.split(runMode(pair, ParagraphBatch.join(texts)), texts.size());
        if (batch.isPresent()) {
            return batch.get();
        }
        LOG.warn("Apertium {} did not return the separators of a batch of {} texts in order (a text may contain a"
                + " separator line); translating them one by one", pair.mode(), texts.size());
        List<String> translated = new ArrayList<>(texts.size());
        for (String text : texts) {
            translated.add(runMode(pair, text + "\n").strip());
        }
        return translated;
    }

    private String runMode(Pair pair, String input) throws TranslationException {
        return run(settings, settings.timeout(), "translating with mode " + pair.mode(), input,
                List.of("-u", "-f", "txt", pair.mode()));
    }

    /**
     * Reads the installed pairs and the version. No pairs at all is a broken installation, not a reason to reject
     * articles: it fails as {@link Kind#UNAVAILABLE} and is not remembered, so that a later call looks again.
     */
    private static Installation discover(ApertiumCliSettings settings) throws TranslationException {
        ApertiumPairs pairs = listPairs(settings).withMaxHops(settings.maxHops());
        if (pairs.isEmpty()) {
            throw new TranslationException(Kind.UNAVAILABLE, "'" + settings.executable()
                    + "' runs but lists no language pairs; install some, e.g. apt-get install apertium-fr-es"
                    + " apertium-eng-spa");
        }
        String version = null;
        try {
            version = probe(settings, "asking for the version", "-V").strip();
        } catch (TranslationException e) {
            LOG.debug("Apertium did not report its version: {}", e.getMessage());
        }
        return new Installation(pairs, version == null || version.isEmpty() ? null : version);
    }

    private static ApertiumPairs listPairs(ApertiumCliSettings settings) throws TranslationException {
        String listing = probe(settings, "listing the installed pairs", "-l");
        return ApertiumPairs.fromModeNames(listing.lines().map(String::strip).filter(line -> !line.isEmpty())
                .toList());
    }

    /** Runs {@code apertium [-d dir] args...} without input, briefly, and returns its stdout. */
    private static String probe(ApertiumCliSettings settings, String action, String... args)
            throws TranslationException {
        return run(settings, PROBE_TIMEOUT, action, "", Arrays.asList(args));
    }

    /** Runs {@code apertium [-d dir] args...} on {@code input} and returns its stdout; failures are UNAVAILABLE. */
    private static String run(ApertiumCliSettings settings, Duration timeout, String action, String input,
                              List<String> args) throws TranslationException {
        List<String> command = new ArrayList<>();
        command.add(settings.executable());
        if (settings.dataDirectory() != null) {
            command.add("-d");
            command.add(settings.dataDirectory().toString());
        }
        command.addAll(args);
        ProcessRunner.Outcome outcome;
        try {
            outcome = ProcessRunner.run(command, input, timeout);
        } catch (IOException e) {
            throw new TranslationException(Kind.UNAVAILABLE, "running '" + settings.executable() + "' failed while "
                    + action + " (is Apertium installed? apt-get install apertium and its language pairs): "
                    + e.getMessage(), e);
        } catch (ProcessRunner.TimedOutException e) {
            throw new TranslationException(Kind.UNAVAILABLE, "Apertium timed out while " + action + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            // The stream thread is being stopped: keep the flag so that its owner sees it.
            Thread.currentThread().interrupt();
            throw new TranslationException(Kind.UNAVAILABLE, "interrupted while " + action, e);
        }
        if (outcome.exitCode() != 0) {
            throw new TranslationException(Kind.UNAVAILABLE, String.join(" ", command) + " failed with exit status "
                    + outcome.exitCode() + " while " + action + ": " + abbreviate(outcome.stderr().strip()));
        }
        return outcome.stdout();
    }

    private static String abbreviate(String stderr) {
        if (stderr.isEmpty()) {
            return "(nothing on stderr)";
        }
        return stderr.length() <= MAX_STDERR_IN_MESSAGE ? stderr
                : stderr.substring(0, MAX_STDERR_IN_MESSAGE) + "... (" + stderr.length() + " characters)";
    }
}
