package news.wiretranslation.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import news.wiretranslation.benchmark.ThroughputBenchmark.Repetition;

/**
 * The benchmark's results across repetitions: each figure's median with its range, the MT-bound ideal, the CPU per
 * article by stage and thread, the flash latencies, and the targets met or not; as a table and as data for the JSON.
 */
final class BenchmarkReport {
    private static final String LINE = "-".repeat(104) + "\n";
    /** The targets hold for these conditions. */
    private static final int TARGET_CORES = 2;
    private static final int TARGET_LATENCY_MS = 150;
    private static final int TARGET_ARTICLE_CHARS = 2700;
    private static final int TARGET_BACKLOG = 5000;
    private static final int MIN_FLASH_SAMPLES = 200;
    /** "Under 2 s" for latencies in whole milliseconds: at most 1,999. */
    private static final double UNDER_2_S = 1999;

    private final BenchmarkOptions options;
    private final FeedShape feed;
    private final List<Repetition> repetitions;

    BenchmarkReport(BenchmarkOptions options, FeedShape feed, List<Repetition> repetitions) {
        this.options = options;
        this.feed = feed;
        this.repetitions = repetitions;
    }

    // ---- figures ----

    /** A figure over the repetitions that measured it (NaN values, phases not run, left out). */
    Distribution.Spread spread(Function<Repetition, Double> figure) {
        List<Double> values = repetitions.stream().map(r -> {
            try {
                return figure.apply(r);
            } catch (NullPointerException phaseNotRun) {
                // --phases left this repetition's phase out: no figure, rather than a zero in the median
                return null;
            }
        }).filter(Objects::nonNull).filter(v -> !v.isNaN()).toList();
        return Distribution.of(values).spread();
    }

    static MtBoundIdeal ideal(BenchmarkOptions options, Window async) {
        int concurrency = options.text("concurrency").isEmpty() ? 8 : options.integer("concurrency");
        return new MtBoundIdeal(concurrency, async.requestMillis(), async.textsPerRequest(), async.textsPerArticle());
    }

    private static Distribution flashLatency(Repetition r) {
        return Distribution.of(r.flash().flashLatencyMillis());
    }

    private static double ratio(Repetition r) {
        return r.async().window().articlesPerSecond() / r.sync().window().articlesPerSecond();
    }

    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("syncArticlesPerSecond", spread(r -> r.sync().window().articlesPerSecond()));
        summary.put("syncRanDry", repetitions.stream().filter(r -> r.sync() != null).map(r -> r.sync().ranDry()).toList());
        summary.put("asyncArticlesPerSecond", spread(r -> r.async().window().articlesPerSecond()));
        summary.put("asyncOverSync", spread(BenchmarkReport::ratio));
        summary.put("asyncServiceCpuMsPerArticle", spread(r -> r.async().window().processCpuMsPerArticle()));
        summary.put("syncServiceCpuMsPerArticle", spread(r -> r.sync().window().processCpuMsPerArticle()));
        Map<String, Object> stages = new LinkedHashMap<>();
        for (String stage : stages()) {
            stages.put(stage, spread(r -> r.async().window().stageCpuMsPerArticle().get(stage)));
        }
        summary.put("asyncStageCpuMsPerArticle", stages);
        Map<String, Object> threads = new LinkedHashMap<>();
        for (String group : ProcStats.GROUPS) {
            threads.put(group, spread(r -> r.async().window().threadCpuMsPerArticle().get(group)));
        }
        summary.put("asyncThreadCpuMsPerArticle", threads);
        summary.put("engineRequestMillisMeasured", spread(r -> r.async().window().requestMillis()));
        summary.put("textsPerRequestMean", spread(r -> r.async().window().textsPerRequest()));
        summary.put("textsPerRequestMax", spread(r -> r.async().window().textsPerRequestMax()));
        summary.put("textsPerArticle", spread(r -> r.async().window().textsPerArticle()));
        summary.put("mtBoundIdealArticlesPerSecond", spread(r -> ideal(options, r.async().window()).articlesPerSecond()));
        summary.put("fractionOfIdeal", spread(r -> r.async().window().articlesPerSecond()
                / ideal(options, r.async().window()).articlesPerSecond()));
        summary.put("asyncSecondsToReady", spread(r -> r.async().readySeconds()));
        summary.put("flashLatencyP50Millis", spread(r -> flashLatency(r).percentile(0.50)));
        summary.put("flashLatencyP90Millis", spread(r -> flashLatency(r).percentile(0.90)));
        summary.put("flashLatencyP99Millis", spread(r -> flashLatency(r).percentile(0.99)));
        summary.put("flashLatencyMaxMillis", spread(r -> flashLatency(r).max()));
        summary.put("flashSamples", spread(r -> (double) r.flash().flashLatencyMillis().size()));
        summary.put("flashSentBehindBacklog", spread(r -> (double) r.flash().flashBehindBacklog()));
        summary.put("routineLatencyP50Millis", spread(r -> Distribution.of(r.flash().routineLatencyMillis()).percentile(0.50)));
        summary.put("routineLatencyP99Millis", spread(r -> Distribution.of(r.flash().routineLatencyMillis()).percentile(0.99)));
        summary.put("backlogDrainSeconds", spread(r -> r.flash().backlogDrainSeconds()));
        summary.put("serviceRssMbEndOfAsync", spread(r -> (double) r.async().rssMb()));
        summary.put("servicePeakRssMb", spread(r -> (double) r.async().peakRssMb()));
        return summary;
    }

    private List<String> stages() {
        List<String> stages = new ArrayList<>();
        repetitions.stream().filter(r -> r.async() != null)
                .forEach(r -> r.async().window().stageCpuMsPerArticle().keySet().forEach(s -> {
                    if (!stages.contains(s)) {
                        stages.add(s);
                    }
                }));
        return stages;
    }

    // ---- targets ----

    /** Why this run's conditions are not the targets', or empty. */
    private String conditions() {
        List<String> differences = new ArrayList<>();
        if (Runtime.getRuntime().availableProcessors() != TARGET_CORES) {
            differences.add(Runtime.getRuntime().availableProcessors() + " cores, not " + TARGET_CORES);
        }
        if (options.integer("latency-ms") != TARGET_LATENCY_MS || options.integer("jitter-ms") != 0) {
            differences.add("stand-in at " + options.integer("latency-ms") + "+" + options.integer("jitter-ms") + " ms, not "
                    + TARGET_LATENCY_MS);
        }
        if (Math.abs(feed.meanCharacters() - TARGET_ARTICLE_CHARS) > 0.1 * TARGET_ARTICLE_CHARS) {
            differences.add(String.format(Locale.ROOT, "articles of %.0f characters, not about %d", feed.meanCharacters(),
                    TARGET_ARTICLE_CHARS));
        }
        if (options.inProcess()) {
            differences.add("the service in the benchmark's JVM");
        }
        return String.join("; ", differences);
    }

    List<Target> targets() {
        String conditions = conditions();
        String note = conditions.isEmpty() ? "" : "conditions differ: " + conditions;
        List<Target> targets = new ArrayList<>();
        targets.add(Target.judge(">= 300 articles/s per instance", spread(r -> r.async().window().articlesPerSecond()).median(),
                300, false, "%.1f articles/s", note));
        if (options.inProcess()) {
            targets.add(Target.notMeasured("<= 3 ms of service CPU per article", "the service shares its JVM with the broker"));
        } else {
            targets.add(Target.judge("<= 3 ms of service CPU per article", spread(r -> r.async().window().processCpuMsPerArticle()).median(),
                    3, true, "%.2f ms", note));
        }
        targets.add(Target.judge(">= 20x the synchronous design in the same run", spread(BenchmarkReport::ratio).median(),
                20, false, "%.1fx", note + (repetitions.stream().anyMatch(r -> r.sync() != null && r.sync().ranDry())
                        ? " THE SYNC PHASE RAN DRY: the ratio is not valid" : "")));
        Distribution.Spread samples = spread(r -> (double) r.flash().flashLatencyMillis().size());
        if (options.integer("backlog-articles") < TARGET_BACKLOG || samples.values().isEmpty() || samples.min() < MIN_FLASH_SAMPLES) {
            targets.add(Target.judge("flash p99 < 2 s behind a backlog of 5,000 routine articles",
                    spread(r -> flashLatency(r).percentile(0.99)).median(), UNDER_2_S, true, "%.0f ms",
                    "not the target's conditions: a backlog of " + options.integer("backlog-articles") + ", at least "
                            + (samples.values().isEmpty() ? 0 : (int) samples.min()) + " flash samples (the target: 5,000 and 200)"));
        } else {
            targets.add(Target.judge("flash p99 < 2 s behind a backlog of 5,000 routine articles",
                    spread(r -> flashLatency(r).percentile(0.99)).median(), UNDER_2_S, true, "%.0f ms", note));
        }
        if (options.inProcess()) {
            targets.add(Target.notMeasured("RSS <= 1 GB in the default detection mode", "the service shares its JVM with the broker"));
        } else {
            targets.add(Target.judge("RSS <= 1 GB in the default detection mode", spread(r -> (double) r.async().peakRssMb()).max(),
                    1024, true, "%.0f MB (peak, highest of the repetitions)", options.text("detection").isEmpty() ? note
                            : "DETECTION_ACCURACY=" + options.text("detection") + ", not the default"));
        }
        return targets;
    }

    // ---- the table ----

    String table() {
        StringBuilder t = new StringBuilder("\n").append(LINE);
        t.append(String.format(Locale.ROOT, "wire-translation throughput benchmark: %d repetition(s); figures are the median [lowest - highest]%n",
                repetitions.size()));
        t.append(String.format(Locale.ROOT, "service: %s, %s stream threads, %s partitions, target %s; stand-in %d ms + 0-%d ms%s%n",
                options.inProcess() ? "in the benchmark's JVM (with broker, registry, stand-in)"
                        : "child JVM " + String.join(" ", options.serviceJvmFlags()),
                options.text("threads"), options.text("partitions"), options.text("targets"), options.integer("latency-ms"),
                options.integer("jitter-ms"), options.integer("rate-limit") == 0 ? "" : ", " + options.integer("rate-limit") + " req/s"));
        t.append("feed: ").append(feed).append('\n');
        t.append(LINE);
        t.append("repetition  load average at start -> end (1 min)    sync/s    async/s    ratio    flash p99   sync input\n");
        for (Repetition r : repetitions) {
            t.append(String.format(Locale.ROOT, "  %-9d %6.2f -> %-27.2f %9s %10s %8s %12s   %s%n", r.repetition(),
                    r.loadAverageStart()[0], r.loadAverageEnd()[0],
                    r.sync() == null ? "-" : fmt("%.1f", r.sync().window().articlesPerSecond()),
                    r.async() == null ? "-" : fmt("%.1f", r.async().window().articlesPerSecond()),
                    r.sync() == null || r.async() == null ? "-" : fmt("%.1fx", ratio(r)),
                    r.flash() == null ? "-" : fmt("%.0f ms", flashLatency(r).percentile(0.99)),
                    r.sync() == null ? "-" : r.sync().ranDry() ? fmt("RAN DRY after %.1f s", r.sync().drySeconds())
                            : "never ran dry"));
        }
        if (options.runs("sync") || options.runs("async")) {
            t.append(LINE);
            row(t, "sync: articles/s (window of " + options.integer("sync-seconds") + " s after 20 articles out)",
                    spread(r -> r.sync().window().articlesPerSecond()), "%.1f");
            row(t, "async: articles/s (" + feed.articles() + " published at once, to the last out)",
                    spread(r -> r.async().window().articlesPerSecond()), "%.1f");
            row(t, "async / sync, each repetition's own ratio", spread(BenchmarkReport::ratio), "%.1fx");
            row(t, "async: seconds from the service's launch to ready", spread(r -> r.async().readySeconds()), "%.1f");
            row(t, "sync: engine requests a second", spread(r -> r.sync().window().requests() / r.sync().window().seconds()), "%.1f");
        }
        if (options.runs("async")) {
            t.append(LINE);
            t.append("engine side (async phase)\n");
            row(t, "  request duration as the service's client measured it, ms", spread(r -> r.async().window().requestMillis()), "%.0f");
            row(t, "  texts a request (mean batch reached)", spread(r -> r.async().window().textsPerRequest()), "%.1f");
            row(t, "  texts a request (largest batch)", spread(r -> r.async().window().textsPerRequestMax()), "%.0f");
            row(t, "  texts sent to the engine an article (after the memory)", spread(r -> r.async().window().textsPerArticle()), "%.2f");
            row(t, "  articles per transaction", spread(r -> r.async().window().commits() == 0 ? Double.NaN
                    : (double) r.async().window().articles() / r.async().window().commits()), "%.1f");
            row(t, "MT-bound ideal, articles/s", spread(r -> ideal(options, r.async().window()).articlesPerSecond()), "%.0f");
            row(t, "  share of it reached", spread(r -> 100 * r.async().window().articlesPerSecond()
                    / ideal(options, r.async().window()).articlesPerSecond()), "%.0f%%");
            Repetition middle = medianRepetition();
            t.append("  the ideal assumes (repetition ").append(middle.repetition()).append(", the median rate):\n");
            ideal(options, middle.async().window()).assumptions().forEach(a -> t.append("    ").append(a).append('\n'));
            if (!options.inProcess()) {
                row(t, "CPU-bound ceiling: " + Runtime.getRuntime().availableProcessors() + " cores / service CPU an article",
                        spread(r -> Runtime.getRuntime().availableProcessors() * 1000 / r.async().window().processCpuMsPerArticle()), "%.0f");
            }
            t.append(LINE);
            t.append(options.inProcess()
                    ? "CPU an article, ms (async phase): the benchmark's JVM (broker, registry, stand-in, clients and service)\n"
                    : "CPU an article, ms (async phase): the service's process, from /proc (thread CPU time, 10 ms ticks)\n");
            row(t, "  process, all threads", spread(r -> r.async().window().processCpuMsPerArticle()), "%.2f");
            for (String group : ProcStats.GROUPS) {
                row(t, "    " + group, spread(r -> r.async().window().threadCpuMsPerArticle().get(group)), "%.2f");
                if (group.equals("stream threads")) {
                    for (String stage : stages()) {
                        row(t, "      " + stage + " (the service's stage meter)",
                                spread(r -> r.async().window().stageCpuMsPerArticle().get(stage)), "%.2f");
                    }
                    row(t, "      the rest (Kafka Streams: serdes, state stores, commits)", spread(r -> {
                        Window w = r.async().window();
                        return w.threadCpuMsPerArticle().get("stream threads")
                                - w.stageCpuMsPerArticle().values().stream().mapToDouble(Double::doubleValue).sum();
                    }), "%.2f");
                }
            }
            if (options.runs("sync")) {
                row(t, "  sync phase: process, all threads", spread(r -> r.sync().window().processCpuMsPerArticle()), "%.2f");
            }
            if (!options.inProcess()) {
                row(t, "service resident memory at the end of async, MB", spread(r -> (double) r.async().rssMb()), "%.0f");
                row(t, "  its peak (VmHWM), MB", spread(r -> (double) r.async().peakRssMb()), "%.0f");
            }
        }
        if (options.runs("flash")) {
            t.append(LINE);
            t.append(String.format(Locale.ROOT, "flash articles behind a backlog: %d routine new stories at once, then %d flash ones while they drain%n",
                    options.integer("backlog-articles"), options.integer("flash-articles")));
            row(t, "  flash latency p50, ms (receivedAt to read_committed output)", spread(r -> flashLatency(r).percentile(0.5)), "%.0f");
            row(t, "  flash latency p90, ms", spread(r -> flashLatency(r).percentile(0.9)), "%.0f");
            row(t, "  flash latency p99, ms", spread(r -> flashLatency(r).percentile(0.99)), "%.0f");
            row(t, "  flash latency max, ms", spread(r -> flashLatency(r).max()), "%.0f");
            row(t, "  flash samples", spread(r -> (double) r.flash().flashLatencyMillis().size()), "%.0f");
            row(t, "  of them sent while routine articles were still to come out", spread(r -> (double) r.flash().flashBehindBacklog()), "%.0f");
            row(t, "  routine articles still to come out when a flash was sent (median)", spread(r -> r.flash().backlogAheadMedian()), "%.0f");
            row(t, "  flash articles sent a second", spread(r -> r.flash().flashPerSecond()), "%.1f");
            row(t, "  routine latency p50, ms", spread(r -> Distribution.of(r.flash().routineLatencyMillis()).percentile(0.5)), "%.0f");
            row(t, "  routine latency p99, ms", spread(r -> Distribution.of(r.flash().routineLatencyMillis()).percentile(0.99)), "%.0f");
            row(t, "  backlog drained in, s", spread(r -> r.flash().backlogDrainSeconds()), "%.1f");
        }
        t.append(LINE);
        t.append("targets (issue 20: 2 cores, stand-in at 150 ms, ~2,700-character articles)\n");
        for (Target target : targets()) {
            t.append(String.format(Locale.ROOT, "  %-62s %-28s %s%s%n", target.goal(), target.measured(), target.status(),
                    target.note().isEmpty() ? "" : " (" + target.note() + ")"));
        }
        t.append(LINE);
        return t.toString();
    }

    /** The repetition whose async rate is the median (the lower middle one for an even count). */
    private Repetition medianRepetition() {
        List<Repetition> sorted = repetitions.stream().filter(r -> r.async() != null)
                .sorted((a, b) -> Double.compare(a.async().window().articlesPerSecond(), b.async().window().articlesPerSecond()))
                .toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    private void row(StringBuilder t, String label, Distribution.Spread spread, String format) {
        if (spread.values().isEmpty()) {
            return;
        }
        String range = spread.values().size() == 1 ? "" : "[" + fmt(format, spread.min()) + " - " + fmt(format, spread.max()) + "]";
        t.append(String.format(Locale.ROOT, "%-72s %12s  %s%n", label, fmt(format, spread.median()), range));
    }

    private static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
