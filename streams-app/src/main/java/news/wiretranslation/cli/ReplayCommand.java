package news.wiretranslation.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import news.wiretranslation.config.ConfigLoader;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.Setting;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.detect.LanguageDetector;
import news.wiretranslation.replay.ConsumerGroupReset;
import news.wiretranslation.replay.ReplayInstance;
import news.wiretranslation.replay.ReplayPlan;
import news.wiretranslation.replay.ReplayPlanner;
import news.wiretranslation.replay.ReplayRange;
import news.wiretranslation.service.Pipeline;
import news.wiretranslation.service.TranslationService;
import news.wiretranslation.service.Translators;
import news.wiretranslation.translate.Translator;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code wire-translation replay}: reprocesses a stretch of the raw topic, after a change of targets, settings, engine
 * or a fix, printing first what it will do and cost (and only that with {@code --dry-run}).
 */
@Command(name = "replay",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Reprocesses the raw topic from a time or offsets, optionally for chosen sources, article ids and target "
                        + "languages. First prints the plan: articles per language pair and MT characters, split into those "
                        + "the translation memory holds and those the engine will bill.",
                "--mode instance (default) runs a separate instance with its own application id beside the live service, "
                        + "its memory seeded from the live one; it writes only what is not already current, and marks what "
                        + "it writes with the record header wire-translation-replay.",
                "--mode reset moves the stopped service's own consumer group back to --from (state and memory kept); "
                        + "the service reprocesses everything from there when it is started again.",
                "Settings as for run (environment, then --config FILE)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:Done (or the dry run printed).",
                "1:Refused (--mode reset while the service runs) or the replay failed.",
                "2:Bad command line or configuration."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  wire-translation replay --from 2026-11-01T00:00Z --dry-run",
                "  wire-translation replay --from 2026-11-01T00:00Z --to 2026-11-08T00:00Z --target FR",
                "  wire-translation replay --from-offsets 0:1200,1:1180 --source afp --id afp-2026-1101-0042",
                "  wire-translation replay --mode reset --from 2026-11-01T00:00Z"})
final class ReplayCommand implements Callable<Integer> {

    enum Mode { INSTANCE, RESET }

    @Spec
    CommandSpec spec;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "instance",
            description = "instance (a separate instance beside the live one, the default) or reset (the stopped "
                    + "service's own consumer group).")
    Mode mode;

    @Option(names = "--from", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Replay records from this time (their Kafka timestamp), e.g. 2026-11-01T00:00Z. "
                    + "Default: the oldest record kept.")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Replay records before this time. Default: up to the last record now.")
    Instant to;

    @Option(names = "--from-offsets", paramLabel = "P:O[,P:O...]",
            description = "Replay from these offsets, per partition (others from their oldest record).")
    String fromOffsets;

    @Option(names = "--to-offsets", paramLabel = "P:O[,P:O...]",
            description = "Replay up to these offsets (exclusive), per partition (others up to their end).")
    String toOffsets;

    @Option(names = "--source", paramLabel = "SOURCE", split = ",",
            description = "Only articles of these sources (RawArticle.source); repeatable or comma-separated.")
    List<String> sources = new ArrayList<>();

    @Option(names = "--id", paramLabel = "ID", split = ",", description = "Only these article ids; repeatable or comma-separated.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--target", paramLabel = "LANG", split = ",",
            description = "Only these target languages, which need not be in $TARGET_LANGUAGES (e.g. one being added). "
                    + "Default: $TARGET_LANGUAGES.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--force",
            description = "Also rewrite outputs that are already current (same revision, pipeline version and "
                    + "translation settings), e.g. after a fix that did not change the pipeline version.")
    boolean force;

    @Option(names = "--all-revisions",
            description = "Also reprocess revisions that a later revision of the same article supersedes "
                    + "(by default only each article's latest revision is written: outputs are compacted by article id).")
    boolean allRevisions;

    @Option(names = "--dry-run", description = "Print the plan and its cost; write nothing.")
    boolean dryRun;

    @Option(names = "--replay-id", paramLabel = "ID",
            description = "Application id of the replay instance. Default: $APPLICATION_ID-replay-<UTC time>.")
    String replayId;

    @Option(names = "--progress-interval", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "How often a running replay prints its progress. Default: 5s.")
    Duration progressInterval;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file with settings, as for run. Environment variables win.")
    Path configFile;

    /** Replaced in tests. */
    Map<String, String> environment = System.getenv();

    /** The live service's settings, read as run reads them. */
    ConfigLoader settings() {
        return ConfigLoader.of(environment, Optional.ofNullable(configFile));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReplayRange range = range();
        ServiceConfig live = settings().load();
        if (mode == Mode.RESET) {
            requireNoInstanceOptions();
        }
        List<TargetLanguage> chosen = targets.isEmpty() ? live.targetLanguages() : parseTargets();
        String id = replayId != null ? replayId : live.applicationId() + "-replay-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        ServiceConfig replay = mode == Mode.RESET ? live : settings().withOverrides(Map.of(
                Setting.APPLICATION_ID, id,
                Setting.TARGET_LANGUAGES, chosen.stream().map(TargetLanguage::code).collect(Collectors.joining(",")),
                Setting.HTTP_PORT, "0")).load();

        Translator translator = Translators.create(replay);
        try {
            LanguageDetector detector = TranslationService.detector(replay);
            ReplayPlanner planner = new ReplayPlanner(replay, Pipeline.preparation(replay, detector), translator, Clock.systemUTC());
            ReplayPlanner.Request request = mode == Mode.RESET
                    ? new ReplayPlanner.Request(range, Set.of(), Set.of(), live.targetLanguages(), true, false)
                    : new ReplayPlanner.Request(range, new LinkedHashSet<>(sources), new LinkedHashSet<>(ids), chosen, force, !allRevisions);
            out.printf("Replay plan (%s) of %s for %s%s:%n", mode == Mode.RESET ? "reset of group " + live.applicationId()
                            : "instance " + id, live.topics().input(),
                    chosen.stream().map(TargetLanguage::code).collect(Collectors.joining(", ")), dryRun ? ", dry run" : "");
            ReplayPlan plan = planner.plan(request, live.applicationId());
            plan.print(out);
            if (dryRun) {
                return 0;
            }
            return mode == Mode.RESET ? reset(live, plan, out, err) : runInstance(live, replay, plan, detector, translator, out);
        } finally {
            translator.close();
        }
    }

    private int runInstance(ServiceConfig live, ServiceConfig replay, ReplayPlan plan, LanguageDetector detector,
                            Translator translator, PrintWriter out) throws Exception {
        if (plan.outputs() == 0) {
            out.println("Nothing to reprocess.");
            return 0;
        }
        ReplayInstance.Summary summary = new ReplayInstance(live, replay, Clock.systemUTC())
                .run(plan, detector, translator, progressInterval, out);
        double seconds = Math.max(0.001, summary.elapsed().toMillis() / 1000.0);
        long estimate = plan.billedCharacters();
        String difference = estimate == 0 ? (summary.billedCharacters() == 0 ? "0%" : "n/a")
                : String.format("%+.2f%%", 100.0 * (summary.billedCharacters() - estimate) / estimate);
        out.printf("Replay %s done: %d articles written (%s) in %.1f s, %.1f articles/s%n", replay.applicationId(),
                summary.written(), new TreeMap<>(summary.writtenPerTarget().entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey().code(), Map.Entry::getValue))),
                seconds, summary.written() / seconds);
        if (plan.price().billsCharacters()) {
            out.printf("MT characters billed %,d (estimated %,d, %s); sent by the service's count %,d; from the"
                            + " translation memory %,d (estimated %,d)%n", summary.billedCharacters(), estimate, difference,
                    summary.sentCharacters(), summary.memoryCharacters(), plan.memoryCharacters());
        } else {
            // An engine that bills nothing (Apertium): its 0 billed compared with the characters to send would read
            // as "-100%". What it was to be sent, what was sent, and its cost at the configured price say what the
            // replay cost.
            out.printf("%s bills nothing: %,d characters estimated to send, %,d sent, cost %.2f at %.2f per million;"
                            + " from the translation memory %,d (estimated %,d)%n", plan.price().engine(), estimate,
                    summary.sentCharacters(), plan.estimatedCost(), plan.price().perMillion(), summary.memoryCharacters(),
                    plan.memoryCharacters());
        }
        if (summary.leftOut() > 0) {
            out.printf("%d articles left out: revised on the input while the replay ran (the live service wrote the "
                    + "new revision)%n", summary.leftOut());
        }
        long missing = plan.outputs() - summary.written() - summary.leftOut();
        if (missing > 0) {
            out.printf("%d planned articles were not written: dead-lettered (the engine refused them; see %s)%n",
                    missing, replay.topics().deadLetter());
        }
        out.flush();
        return 0;
    }

    private int reset(ServiceConfig live, ReplayPlan plan, PrintWriter out, PrintWriter err) throws Exception {
        try (Admin admin = Admin.create(live.kafkaClientProperties())) {
            Map<Integer, long[]> changes = new ConsumerGroupReset(admin).reset(live.applicationId(), live.topics().input(), plan.ranges());
            out.printf("Consumer group %s reset on %s (partition: committed offset before -> now):%n", live.applicationId(),
                    live.topics().input());
            new TreeMap<>(changes).forEach((partition, change) -> out.printf("  %d: %s -> %d%n", partition,
                    change[0] < 0 ? "none" : String.valueOf(change[0]), change[1]));
            out.println("Start the service (run) to reprocess; its state and translation memory were kept.");
            out.flush();
            return 0;
        } catch (ConsumerGroupReset.GroupActiveException e) {
            err.println("Refused: " + e.getMessage());
            err.flush();
            return WireTranslation.EXIT_FAILURE;
        }
    }

    private ReplayRange range() {
        if (from != null && fromOffsets != null || to != null && toOffsets != null) {
            throw new ParameterException(spec.commandLine(), "give each end as a time or as offsets: --from or --from-offsets, --to or --to-offsets");
        }
        try {
            return new ReplayRange(Optional.ofNullable(from), fromOffsets == null ? Map.of() : ReplayRange.parseOffsets(fromOffsets),
                    Optional.ofNullable(to), toOffsets == null ? Map.of() : ReplayRange.parseOffsets(toOffsets));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private List<TargetLanguage> parseTargets() {
        try {
            return targets.stream().map(String::trim).filter(t -> !t.isEmpty()).map(TargetLanguage::parse).distinct().toList();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--target: " + e.getMessage());
        }
    }

    /** A reset replays everything from --from with the service's own settings: the choices need an instance. */
    private void requireNoInstanceOptions() {
        List<String> given = new ArrayList<>();
        for (String option : List.of("--to", "--to-offsets", "--source", "--id", "--target", "--force", "--all-revisions", "--replay-id")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                given.add(option);
            }
        }
        if (!given.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--mode reset reprocesses everything from --from with the "
                    + "service's own targets; " + String.join(", ", given) + " need --mode instance");
        }
    }
}
