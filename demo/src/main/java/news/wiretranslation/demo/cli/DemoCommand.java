package news.wiretranslation.demo.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import news.wiretranslation.cli.WireTranslation;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.demo.Demo;
import news.wiretranslation.translate.apertium.ApertiumCliTranslator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Spec;

@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {
                "Shows the whole job on this machine, with no cluster and no DeepL account.",
                "Starts a Kafka broker and a schema registry in this process, publishes the sample feed",
                "(34 articles in 8 languages, revisions, HTML, a malformed record), runs the service and",
                "prints every result as it arrives, then a summary.",
                "Translates with DeepL when DEEPL_AUTH_KEY is set, else with Apertium (offline) when installed:",
                "offline, the feed's French, Italian, Portuguese and English articles go into Spanish, pairs",
                "Apertium translates directly; German, Welsh and Georgian articles are left out."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  ./wire-translation demo",
                "  DEEPL_AUTH_KEY=... ./wire-translation demo --targets EN-GB,DE,FR",
                "  ./wire-translation demo --keep-running     # then: ./wire-translation tail --bootstrap-servers ..."})
final class DemoCommand implements Callable<Integer> {
    /** Exit code when no translation engine is available. */
    static final int EXIT_NO_ENGINE = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--engine", defaultValue = "auto", paramLabel = "auto|deepl|apertium",
            description = "Translation engine (default: ${DEFAULT-VALUE}: DeepL with a key, else Apertium).")
    String engine;

    @Option(names = "--targets", split = ",", paramLabel = "LANG",
            description = "Target languages (default: EN-US,DE with DeepL; ES with Apertium, which has no German and"
                    + " reaches English from French only through Spanish).")
    List<String> targets;

    @Option(names = "--keep-running", description = "Leave the broker, registry and service running until Ctrl-C, with the review desk, where the flagged translations wait.")
    boolean keepRunning;

    @Option(names = "--timeout", defaultValue = "300", paramLabel = "SECONDS",
            description = "How long to wait for every result (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--verbose", description = "Show the service's and Kafka's log lines as well.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!verbose) {
            quietLogs();
        }
        String deepLKey = System.getenv().getOrDefault("DEEPL_AUTH_KEY", "");
        String chosen = switch (engine) {
            case "auto" -> !deepLKey.isBlank() ? "deepl" : ApertiumCliTranslator.isInstalled() ? "apertium" : null;
            case "deepl", "apertium" -> engine;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--engine must be auto, deepl or apertium, not '" + engine + "'");
        };
        if (chosen == null || (chosen.equals("deepl") && deepLKey.isBlank())) {
            out.println(NO_ENGINE);
            out.flush();
            return EXIT_NO_ENGINE;
        }
        Map<String, String> settings = new HashMap<>();
        settings.put("DEEPL_AUTH_KEY", deepLKey);
        System.getenv().entrySet().stream()
                .filter(e -> e.getKey().startsWith("DEEPL_") || e.getKey().startsWith("APERTIUM_"))
                .forEach(e -> settings.put(e.getKey(), e.getValue()));
        List<String> codes = targets != null ? targets
                : chosen.equals("deepl") ? List.of("EN-US", "DE") : List.of("ES");
        List<TargetLanguage> targetLanguages = codes.stream().map(TargetLanguage::parse).toList();
        boolean complete = new Demo(out).run(new Demo.Options(chosen, settings, targetLanguages,
                Duration.ofSeconds(timeoutSeconds), keepRunning));
        return complete ? 0 : WireTranslation.EXIT_FAILURE;
    }

    /** The demo prints every result and dead letter itself; log lines would only repeat them. */
    private static void quietLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger("org.apache.kafka").setLevel(Level.ERROR);
            context.getLogger("kafka").setLevel(Level.ERROR);
            context.getLogger("news.wiretranslation").setLevel(Level.WARN);
            context.getLogger("news.wiretranslation.deadletter").setLevel(Level.ERROR);
        }
    }

    private static final String NO_ENGINE = String.join("\n",
            "The demo needs a machine-translation engine, and none is available here.",
            "",
            "Either use DeepL (its free plan is enough for the demo):",
            "  1. Create an API key at DeepL (Account → API keys).",
            "  2. DEEPL_AUTH_KEY=<your key> ./wire-translation demo",
            "",
            "Or install the offline engine Apertium from Debian's packages:",
            "  sudo apt-get install apertium apertium-fr-es apertium-eng-spa apertium-fra-cat \\",
            "       apertium-eng-cat apertium-spa-ita apertium-es-pt",
            "  ./wire-translation demo",
            "",
            "(./wire-translation demo installs Apertium by itself when run as root or with password-less sudo.)");
}
