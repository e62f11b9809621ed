package news.wiretranslation.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's options, {@code --name=value} (or {@code name=value}), each with its default: the defaults are the
 * conditions of the targets (2 cores, stand-in at 150 ms, wire-copy articles, 3 repetitions). An unknown
 * name is refused, so that a mistyped option cannot silently measure the defaults.
 */
final class BenchmarkOptions {
    /** Name, default, and what it sets; in the order {@code --help} prints them. */
    private static final String[][] OPTIONS = {
            {"repetitions", "3", "runs of each phase; the report gives their median and range"},
            {"phases", "sync,async,flash", "which phases to run (sync: the synchronous baseline; async: the backlog; flash: urgent articles behind a backlog)"},
            {"stories", "1000", "stories of the feed read by the sync and async phases (3-5 revisions each: about 4 articles a story)"},
            {"article-chars", "2700", "characters an article aims at (headline, 8 paragraphs, sign-off)"},
            {"latency-ms", "150", "the DeepL stand-in's time to answer a request"},
            {"jitter-ms", "0", "plus up to this much, uniformly at random"},
            {"rate-limit", "0", "requests a second the stand-in answers before 429s (0: no limit)"},
            {"sync-seconds", "30", "length of the synchronous baseline's window, from its first output"},
            {"warm-up-articles", "500", "routine articles each async and flash phase's service works through, untimed, before its timed input (a fresh JVM's first seconds compile its code)"},
            {"backlog-articles", "5000", "routine articles published at once before the flash articles"},
            {"flash-articles", "250", "flash articles (IPTC urgency 1) published while the backlog drains"},
            {"threads", "2", "NUM_STREAM_THREADS of the service: one a core"},
            {"partitions", "6", "partitions of every topic"},
            {"targets", "EN-US", "TARGET_LANGUAGES"},
            {"concurrency", "", "TRANSLATION_CONCURRENCY (empty: the service's default)"},
            {"batch", "", "TRANSLATION_BATCH_MAX_TEXTS (empty: the service's default)"},
            {"detection", "", "DETECTION_ACCURACY (empty: the service's default)"},
            {"quality", "", "QUALITY_CHECKS (empty: the service's default)"},
            {"service", "child", "child: the service in a JVM of its own; in-process: in the benchmark's JVM, with the broker and the stand-in"},
            {"service-jvm", "-Xmx512m", "the child JVM's flags, separated by commas (the Kubernetes base's heap)"},
            {"seed", "2026", "the feed's random seed"},
            {"out", "target/benchmark/throughput.json", "where the figures go, as JSON"},
    };

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> given;

    private BenchmarkOptions(List<String> given) {
        this.given = given;
        for (String[] option : OPTIONS) {
            values.put(option[0], option[1]);
        }
    }

    static BenchmarkOptions parse(String... args) {
        List<String> parts = Arrays.stream(args).flatMap(a -> Arrays.stream(a.trim().split("\\s+")))
                .filter(p -> !p.isBlank()).toList();
        BenchmarkOptions options = new BenchmarkOptions(parts);
        for (String part : parts) {
            String option = part.startsWith("--") ? part.substring(2) : part;
            int equals = option.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("expected --name=value, got " + part + "\n" + usage());
            }
            String name = option.substring(0, equals);
            if (!options.values.containsKey(name)) {
                throw new IllegalArgumentException("unknown option " + name + "\n" + usage());
            }
            options.values.put(name, option.substring(equals + 1));
        }
        int repetitions = options.integer("repetitions");
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions must be at least 1, got " + repetitions);
        }
        if (!Set.of("child", "in-process").contains(options.text("service"))) {
            throw new IllegalArgumentException("service is child or in-process, got " + options.text("service"));
        }
        for (String phase : options.phases()) {
            if (!Set.of("sync", "async", "flash").contains(phase)) {
                throw new IllegalArgumentException("phases are sync, async and flash, got " + phase);
            }
        }
        return options;
    }

    static String usage() {
        StringBuilder usage = new StringBuilder("options (--name=value):\n");
        for (String[] option : OPTIONS) {
            usage.append(String.format(Locale.ROOT, "  %-17s %-34s %s%n", option[0],
                    "(" + (option[1].isEmpty() ? "unset" : option[1]) + ")", option[2]));
        }
        return usage.toString();
    }

    String text(String name) {
        return values.get(name);
    }

    int integer(String name) {
        try {
            return Integer.parseInt(values.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + name + " expects a whole number, got " + values.get(name), e);
        }
    }

    List<String> phases() {
        return Arrays.stream(text("phases").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    boolean runs(String phase) {
        return phases().contains(phase);
    }

    boolean inProcess() {
        return text("service").equals("in-process");
    }

    List<String> serviceJvmFlags() {
        return Arrays.stream(text("service-jvm").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    Path out() {
        return Path.of(text("out"));
    }

    /** Every option with the value in force, for the JSON. */
    Map<String, String> effective() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The command that repeats this run. */
    String command() {
        String args = String.join(" ", given);
        return "mvn -B -ntp -pl streams-app -am test-compile exec:exec@benchmark"
                + (args.isEmpty() ? "" : " -Dbenchmark.args=\"" + args + "\"");
    }
}
