package news.wiretranslation.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import news.wiretranslation.config.ConfigLoader;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.ninjs.NinjsVersion;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code wire-translation tail}: prints what the service writes, to watch it work and to inspect dead letters,
 * without Avro tooling: the records are Confluent-framed Avro that generic console consumers cannot show.
 */
@Command(name = "tail",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Prints the records of a normalized-language topic, the dead-letter topic, or any topic of the service.",
                "Reads with isolation.level=read_committed, under a throwaway group id, committing nothing.",
                "Without --topic, --language or --dlq it reads the first of $TARGET_LANGUAGES (default EN-US).",
                "Runs until Ctrl-C, unless --max or --timeout says when to stop."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:Stopped by --max, --timeout or Ctrl-C.",
                "1:The topic does not exist (within --timeout), or Kafka or the registry failed.",
                "2:Bad command line or configuration."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  wire-translation tail --language EN-US --from-beginning",
                "  wire-translation tail --dlq --from-beginning --max 10",
                "  wire-translation tail --language DE --format ninjs --max 1 > item.json",
                "  wire-translation tail --language DE --format ninjs --ninjs-version 3.1 --max 1",
                "  wire-translation tail --topic articles.raw --format json \\",
                "      --from-beginning --timeout 5s | jq .headline"})
final class TailCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { TEXT, JSON, NINJS }

    /** Which topic: exactly one way of naming it, or none for the first target language. */
    static final class Target {
        @Option(names = "--topic", paramLabel = "TOPIC", description = "Any topic of the service, by name.")
        String topic;

        @Option(names = "--language", paramLabel = "LANG",
                description = "A target language: reads $OUTPUT_TOPIC_PREFIX (articles.normalized.) + LANG in lower case.")
        String language;

        @Option(names = "--dlq", description = "The dead-letter topic ($DLQ_TOPIC or articles.dlq).")
        boolean dlq;
    }

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Target target;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (readable blocks), json (one record per line) or ninjs (one IPTC ninjs item per article "
                    + "per line, in the --ninjs-version). Default: text.")
    Format format;

    @Option(names = "--ninjs-version", paramLabel = "VERSION", defaultValue = "2.2", converter = NinjsVersionConverter.class,
            description = "With --format ninjs: the ninjs version to write, 2.2 (lower-case property names) or 3.1 "
                    + "(camelCase). Default: 2.2.")
    NinjsVersion ninjsVersion;

    @Option(names = "--from-beginning", description = "Start at the oldest record instead of after the newest.")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
    long max;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this long without a record, e.g. 10s, 2m, PT30S (default: wait until Ctrl-C).")
    Duration timeout;

    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() {
        if (max < 0) {
            throw new ParameterException(spec.commandLine(), "--max must be 1 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String topic = topic();
        if (format == Format.NINJS && target != null && target.dlq) {
            throw new ParameterException(spec.commandLine(), "dead letters have no ninjs form: use --format text or json");
        }
        if (format != Format.NINJS && spec.commandLine().getParseResult().hasMatchedOption("--ninjs-version")) {
            throw new ParameterException(spec.commandLine(), "--ninjs-version goes with --format ninjs");
        }
        RecordDecoder decoder = new RecordDecoder(cluster.registryClientSettings());
        RecordPrinter printer = switch (format) {
            case TEXT -> new TextPrinter(out);
            case JSON -> new JsonPrinter(out);
            case NINJS -> new NinjsPrinter(out, err, ninjsVersion);
        };
        TopicTail tail = new TopicTail(cluster.kafkaClientProperties(), topic);
        AtomicInteger unreadable = new AtomicInteger();
        TopicTail.End end;
        try {
            end = runUntilStopped(tail, record -> show(record, decoder, printer, err, unreadable),
                    () -> err.printf("Topic %s does not exist yet; waiting for it.%n", topic).flush());
        } catch (KafkaException e) {
            err.println("Reading " + topic + " failed: " + e.getMessage());
            return WireTranslation.EXIT_FAILURE;
        }
        if (unreadable.get() > 0) {
            err.printf("%d record(s) could not be read.%n", unreadable.get());
        }
        if (end == TopicTail.End.NO_SUCH_TOPIC) {
            err.printf("Topic %s does not exist.%n", topic);
            return WireTranslation.EXIT_FAILURE;
        }
        return 0;
    }

    /** Reads {@code --ninjs-version}: 2.2 or 3.1. */
    static final class NinjsVersionConverter implements ITypeConverter<NinjsVersion> {
        @Override
        public NinjsVersion convert(String value) {
            try {
                return NinjsVersion.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a ninjs version this writes: use "
                        + NinjsVersion.names());
            }
        }
    }

    /** Prints one record; one that cannot be decoded is named on standard error and the tail goes on. */
    private static void show(ConsumerRecord<byte[], byte[]> record, RecordDecoder decoder, RecordPrinter printer,
                             PrintWriter err, AtomicInteger unreadable) {
        RecordPosition where = new RecordPosition(record.topic(), record.partition(), record.offset());
        try {
            SpecificRecord value = decoder.decode(record.topic(), record.value());
            if (value == null) {
                err.println("Tombstone (no value) at " + where);
            } else {
                printer.print(where, value);
            }
        } catch (RuntimeException e) {
            unreadable.incrementAndGet();
            err.println("Cannot read " + where + ": " + e.getMessage());
        }
        err.flush();
    }

    /** Runs the tail; Ctrl-C stops it and waits for the consumer to close, so the broker sees a clean leave. */
    private TopicTail.End runUntilStopped(TopicTail tail, Consumer<ConsumerRecord<byte[], byte[]>> handler, Runnable waiting) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            tail.stop();
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "wire-translation-tail-stop");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            return tail.run(fromBeginning, new TopicTail.Limits(max, timeout), handler, waiting);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it stopped the tail.
            }
        }
    }

    /** The topic named on the command line, or as the service names it from its settings. */
    String topic() {
        if (target != null && target.topic != null) {
            return target.topic;
        }
        ConfigLoader settings = cluster.settings();
        ServiceConfig.Topics topics = settings.topics();
        if (target != null && target.dlq) {
            return topics.deadLetter();
        }
        return topics.output(target != null && target.language != null ? language(target.language)
                : settings.targetLanguages().get(0));
    }

    private TargetLanguage language(String code) {
        try {
            return TargetLanguage.parse(code);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--language: " + e.getMessage());
        }
    }
}
