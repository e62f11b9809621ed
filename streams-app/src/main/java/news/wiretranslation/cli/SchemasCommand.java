package news.wiretranslation.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import news.wiretranslation.config.ConfigException;
import news.wiretranslation.config.ConfigLoader;
import news.wiretranslation.config.RegistrySettings;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.Setting;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.registry.RegisteredSchema;
import news.wiretranslation.registry.RestSchemaRegistryClient;
import news.wiretranslation.registry.SchemaRegistryClientConfig;
import news.wiretranslation.registry.SchemaRegistryException;
import news.wiretranslation.registry.TopicNameStrategy;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code schemas check} and {@code schemas register}: the compatibility gate between the project's {@code .avsc}
 * files and the schema registry the service runs against.
 *
 * <p>Each schema file is paired with a subject (see {@link #defaultSubjects}); {@code check} compares it with the
 * subject's latest registered version, both by the registry's own verdict ({@code POST /compatibility/...}) and by
 * Avro's schema resolution run here under the subject's compatibility level, which says what is wrong.
 */
@Command(name = "schemas",
        mixinStandardHelpOptions = true,
        description = {
                "Checks the Avro schemas against the schema registry, or registers them.",
                "Each .avsc file is paired with a subject: RawArticle.avsc with <INPUT_TOPIC>-value, Article.avsc with"
                        + " <OUTPUT_TOPIC_PREFIX><lang>-value for each of TARGET_LANGUAGES, DeadLetter.avsc with"
                        + " <DLQ_TOPIC>-value, ReviewRequest.avsc and ReviewDecision.avsc with <REVIEW_REQUESTS_TOPIC>-value"
                        + " and <REVIEW_DECISIONS_TOPIC>-value, Article.avsc with <QUALITY_REVIEW_TOPIC>-value when set"
                        + " (the service's settings, from the environment or --config), unless"
                        + " --subject pairs are given."},
        subcommands = {SchemasCommand.Check.class, SchemasCommand.Register.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
                "  SCHEMA_REGISTRY_URL=http://registry:8081 \\",
                "    java -jar wire-translation.jar schemas check",
                "  java -jar wire-translation.jar schemas check \\",
                "    --registry http://127.0.0.1:8080/apis/ccompat/v7     # Apicurio",
                "  java -jar wire-translation.jar schemas register \\",
                "    --config /etc/wire-translation.properties"})
public final class SchemasCommand implements Callable<Integer> {

    /** Every schema is compatible (check) or registered (register). */
    public static final int EXIT_OK = 0;
    /** At least one schema is incompatible, or the registry refused one: nothing was registered. */
    public static final int EXIT_INCOMPATIBLE = 1;
    /** Bad command line, settings or schema file. */
    public static final int EXIT_USAGE = 2;
    /** The registry could not be reached, or answered with an error that is not about compatibility. */
    public static final int EXIT_REGISTRY = 3;

    static final String DEFAULT_DIR = "schemas/src/main/avro";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return EXIT_USAGE;
    }

    /** Options both subcommands share. */
    abstract static class Base implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--registry", paramLabel = "URL",
                description = "Confluent-API registry base URL, e.g. http://127.0.0.1:8080/apis/ccompat/v7 for Apicurio."
                        + " Default: SCHEMA_REGISTRY_URL (environment, then --config).")
        String registry;

        @Option(names = {"-c", "--config"}, paramLabel = "FILE",
                description = "Properties file with the service's settings (registry credentials and trust store, topic"
                        + " names, target languages). Environment variables win, as for run.")
        Path configFile;

        @Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIR,
                description = "Directory of the .avsc files. Default: ${DEFAULT-VALUE}.")
        Path dir;

        @Option(names = "--subject", paramLabel = "SUBJECT=FILE", mapFallbackValue = "",
                description = "Pairs a subject with a schema file (relative to --dir). Repeatable; when given, only these"
                        + " pairs are checked, instead of the defaults from the service's settings.")
        Map<String, String> subjects = new LinkedHashMap<>();

        Map<String, String> environment = System.getenv();

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        @Override
        public Integer call() {
            List<Pairing> pairings;
            RestSchemaRegistryClient client;
            try {
                client = new RestSchemaRegistryClient(SchemaRegistryClientConfig.from(registryClientSettings()));
                pairings = pairings(settings());
            } catch (ConfigException | IllegalArgumentException e) {
                err().println("schemas: " + e.getMessage());
                return EXIT_USAGE;
            }
            out().println("Schema registry " + client);
            try {
                return run(client, pairings);
            } catch (SchemaRegistryException e) {
                err().println("schemas: the registry failed: " + e.getMessage());
                return EXIT_REGISTRY;
            }
        }

        abstract int run(RestSchemaRegistryClient client, List<Pairing> pairings);

        /** The service's settings with {@code --registry} on top. */
        ConfigLoader settings() {
            return ConfigLoader.of(environment, Optional.ofNullable(configFile))
                    .withOption(Setting.SCHEMA_REGISTRY_URL, "--registry", registry);
        }

        /** The registry client's settings under Confluent's names, as the service builds them. */
        Map<String, Object> registryClientSettings() {
            return RegistrySettings.serdeConfigs(settings().registry());
        }

        private List<Pairing> pairings(ConfigLoader loader) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("No schema directory " + dir.toAbsolutePath()
                        + ": run from the project's root or give --dir");
            }
            Map<String, String> wanted = subjects.isEmpty() ? defaultSubjects(loader) : subjects;
            if (subjects.isEmpty()) {
                TreeSet<String> unpaired = new TreeSet<>(avscFiles());
                unpaired.removeAll(wanted.values());
                if (!unpaired.isEmpty()) {
                    throw new IllegalArgumentException("No subject for " + String.join(", ", unpaired) + " in " + dir
                            + ": pair every schema with --subject SUBJECT=FILE (the defaults cover RawArticle.avsc,"
                            + " Article.avsc, DeadLetter.avsc, ReviewRequest.avsc and ReviewDecision.avsc)");
                }
            }
            List<Pairing> pairings = new ArrayList<>();
            for (Map.Entry<String, String> entry : wanted.entrySet()) {
                if (entry.getKey().isBlank() || entry.getValue().isBlank()) {
                    throw new IllegalArgumentException("--subject needs SUBJECT=FILE, got '" + entry.getKey() + "="
                            + entry.getValue() + "'");
                }
                pairings.add(new Pairing(entry.getKey(), entry.getValue(), parse(dir.resolve(entry.getValue()))));
            }
            return pairings;
        }

        private List<String> avscFiles() {
            try (Stream<Path> files = Files.list(dir)) {
                return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".avsc")).sorted().toList();
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot list " + dir + ": " + e.getMessage(), e);
            }
        }

        private static Schema parse(Path file) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("No schema file " + file);
            }
            try {
                return new Schema.Parser().parse(file.toFile());
            } catch (IOException | AvroRuntimeException e) {
                // AvroRuntimeException, not only SchemaParseException: an invalid default is an AvroTypeException,
                // which escaped as a stack trace and exit 1. One line, the file and the problem, is what the user needs.
                throw new IllegalArgumentException("Cannot parse " + file + " as an Avro schema: " + firstLine(e), e);
            }
        }

        private static String firstLine(Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
            int end = message.indexOf('\n');
            return end < 0 ? message : message.substring(0, end).strip();
        }

        /** Checks every pairing, printing each verdict; returns the checks in order. */
        List<Verdict> checkAll(RestSchemaRegistryClient client, List<Pairing> pairings) {
            List<Verdict> verdicts = new ArrayList<>();
            for (Pairing pairing : pairings) {
                Verdict verdict = check(client, pairing);
                verdict.print(out());
                verdicts.add(verdict);
            }
            return verdicts;
        }
    }

    /** {@code schemas check}. */
    @Command(name = "check",
            mixinStandardHelpOptions = true,
            description = {
                    "Tests each .avsc file against the latest version of its subject, under the subject's compatibility"
                            + " level (its own, else the registry's global one), and explains what is incompatible.",
                    "Exits 0 when every schema is compatible (or its subject has no version yet), 1 when one is not."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                    "0:Every schema is compatible.",
                    "1:At least one schema is incompatible.",
                    "2:Bad command line, settings or schema file.",
                    "3:The registry could not be reached or answered with an error."},
            footerHeading = "%nExamples:%n",
            footer = {
                    "  java -jar wire-translation.jar schemas check \\",
                    "    --registry http://127.0.0.1:8080/apis/ccompat/v7",
                    "  java -jar wire-translation.jar schemas check \\",
                    "    --subject articles.raw-value=RawArticle.avsc",
                    "  # Article.avsc against articles.normalized.en-us-value and .de-value:",
                    "  TARGET_LANGUAGES=EN-US,DE SCHEMA_REGISTRY_URL=http://registry:8081 \\",
                    "    java -jar wire-translation.jar schemas check"})
    static final class Check extends Base {
        @Override
        int run(RestSchemaRegistryClient client, List<Pairing> pairings) {
            List<Verdict> verdicts = checkAll(client, pairings);
            long bad = verdicts.stream().filter(v -> !v.compatible()).count();
            out().println(bad == 0 ? "All " + verdicts.size() + " schemas are compatible."
                    : bad + " of " + verdicts.size() + " schemas are incompatible.");
            out().flush();
            return bad == 0 ? EXIT_OK : EXIT_INCOMPATIBLE;
        }
    }

    /** {@code schemas register}. */
    @Command(name = "register",
            mixinStandardHelpOptions = true,
            description = {
                    "Checks every .avsc file as 'check' does and, only when all are compatible, registers each under its"
                            + " subject, printing the version and id.",
                    "For deployments that run the service with SCHEMA_REGISTRY_AUTO_REGISTER=false."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                    "0:Every schema is registered (or already was).",
                    "1:A schema is incompatible or the registry refused it; nothing incompatible was registered.",
                    "2:Bad command line, settings or schema file.",
                    "3:The registry could not be reached or answered with an error."},
            footerHeading = "%nExamples:%n",
            footer = {
                    "  java -jar wire-translation.jar schemas register \\",
                    "    --registry http://127.0.0.1:8080/apis/ccompat/v7",
                    "  java -jar wire-translation.jar schemas register \\",
                    "    --config /etc/wire-translation.properties"})
    static final class Register extends Base {
        @Override
        int run(RestSchemaRegistryClient client, List<Pairing> pairings) {
            List<Verdict> verdicts = checkAll(client, pairings);
            long bad = verdicts.stream().filter(v -> !v.compatible()).count();
            if (bad > 0) {
                out().println(bad + " of " + verdicts.size() + " schemas are incompatible: nothing registered.");
                out().flush();
                return EXIT_INCOMPATIBLE;
            }
            for (Pairing pairing : pairings) {
                Optional<RegisteredSchema> existing = client.find(pairing.subject(), pairing.schema());
                if (existing.isPresent()) {
                    out().printf("%s <- %s: already registered as version %d (id %d)%n", pairing.subject(),
                            pairing.file(), existing.get().version(), existing.get().id());
                    continue;
                }
                try {
                    int id = client.register(pairing.subject(), pairing.schema());
                    String version = client.find(pairing.subject(), pairing.schema())
                            .map(r -> "version " + r.version() + " ").orElse("");
                    out().printf("%s <- %s: registered as %s(id %d)%n", pairing.subject(), pairing.file(), version, id);
                } catch (SchemaRegistryException e) {
                    if (e.isRetriable() || e.httpStatus() != 409 && e.httpStatus() != 422) {
                        throw e;
                    }
                    out().printf("%s <- %s: REFUSED by the registry (HTTP %d): %s%n", pairing.subject(), pairing.file(),
                            e.httpStatus(), e.getMessage());
                    out().flush();
                    return EXIT_INCOMPATIBLE;
                }
            }
            out().println("All " + pairings.size() + " schemas are registered.");
            out().flush();
            return EXIT_OK;
        }
    }

    /**
     * The subjects the service writes and reads with its settings: {@code <INPUT_TOPIC>-value} for RawArticle,
     * {@code <OUTPUT_TOPIC_PREFIX><lang>-value} per target language for Article, {@code <DLQ_TOPIC>-value} for
     * DeadLetter, and the review desk's: {@code <QUALITY_REVIEW_TOPIC>-value} (Article, when set),
     * {@code <REVIEW_REQUESTS_TOPIC>-value} and {@code <REVIEW_DECISIONS_TOPIC>-value} (Confluent's TopicNameStrategy,
     * as the serdes use).
     */
    static Map<String, String> defaultSubjects(ConfigLoader loader) {
        ServiceConfig.Topics topics = loader.topics();
        Map<String, String> subjects = new LinkedHashMap<>();
        subjects.put(TopicNameStrategy.subjectName(topics.input(), false), "RawArticle.avsc");
        for (TargetLanguage target : loader.targetLanguages()) {
            subjects.put(TopicNameStrategy.subjectName(topics.output(target), false), "Article.avsc");
        }
        subjects.put(TopicNameStrategy.subjectName(topics.deadLetter(), false), "DeadLetter.avsc");
        // The review desk's topics: its requests and audit records (the review topic carries Articles).
        ServiceConfig.Review review = loader.review();
        loader.reviewTopic().ifPresent(topic -> subjects.put(TopicNameStrategy.subjectName(topic, false), "Article.avsc"));
        subjects.put(TopicNameStrategy.subjectName(review.requestsTopic(), false), "ReviewRequest.avsc");
        subjects.put(TopicNameStrategy.subjectName(review.decisionsTopic(), false), "ReviewDecision.avsc");
        return subjects;
    }

    /** One schema file and the subject it is checked against. */
    record Pairing(String subject, String file, Schema schema) {
    }

    /** The outcome for one pairing, with the lines that explain it. */
    record Verdict(Pairing pairing, boolean compatible, String headline, List<String> details) {

        void print(PrintWriter out) {
            out.println(pairing.subject() + " <- " + pairing.file() + ": " + headline);
            details.forEach(line -> out.println("    " + line));
            out.flush();
        }
    }

    /** Compares one schema file with its subject's registered versions. */
    static Verdict check(RestSchemaRegistryClient client, Pairing pairing) {
        String subject = pairing.subject();
        Schema candidate = pairing.schema();
        Optional<RegisteredSchema> latest = client.latest(subject);
        if (latest.isEmpty()) {
            return new Verdict(pairing, true, "OK, new subject (no version registered yet)", List.of());
        }
        RegisteredSchema registered = latest.get();
        String latestLabel = "version " + registered.version();
        if (SchemaChanges.sameEncoding(registered.schema(), candidate)
                && SchemaChanges.fieldChanges(registered.schema(), candidate).isEmpty()) {
            return new Verdict(pairing, true, "OK, unchanged since " + latestLabel + " (id " + registered.id() + ")",
                    List.of());
        }
        String level = client.compatibilityLevel(subject);
        List<String> problems = new ArrayList<>();
        for (RegisteredSchema earlier : against(client, subject, registered, level)) {
            problems.addAll(localProblems(level, candidate, earlier));
        }
        RestSchemaRegistryClient.CompatibilityVerdict registry = client.testCompatibility(subject, candidate);
        List<String> details = new ArrayList<>();
        List<String> changes = SchemaChanges.fieldChanges(registered.schema(), candidate);
        details.add("changes since " + latestLabel + " (id " + registered.id() + "):"
                + (changes.isEmpty() ? " none in fields, types or defaults (docs or other attributes only)" : ""));
        changes.forEach(change -> details.add("  " + change));
        boolean compatible = registry.compatible() && problems.isEmpty();
        if (!problems.isEmpty()) {
            details.add("why it is incompatible under " + level + " (Avro schema resolution):");
            problems.forEach(problem -> details.add("  " + problem));
        }
        if (!registry.compatible()) {
            details.add("the registry says: not compatible under " + level
                    + (registry.messages().isEmpty() ? "" : ": " + String.join("; ", registry.messages())));
            if (problems.isEmpty()) {
                details.add("  (Avro's own check found nothing against the versions checked here; the registry's"
                        + " rules are stricter, e.g. for a transitive level or a rule other than compatibility)");
            }
        } else if (!problems.isEmpty()) {
            details.add("the registry would accept it, but readers could not: fix the schema or the registry's level");
        }
        String headline = compatible
                ? "OK, compatible with " + latestLabel + " (id " + registered.id() + ") under " + level
                : "INCOMPATIBLE with " + latestLabel + " (id " + registered.id() + ") under " + level;
        return new Verdict(pairing, compatible, headline, details);
    }

    /** The registered versions the level compares a new schema with: the latest, or all for a transitive level. */
    private static List<RegisteredSchema> against(RestSchemaRegistryClient client, String subject,
                                                  RegisteredSchema latest, String level) {
        if (!level.endsWith("_TRANSITIVE")) {
            return List.of(latest);
        }
        List<RegisteredSchema> all = new ArrayList<>();
        for (int version : client.versions(subject)) {
            all.add(version == latest.version() ? latest : client.version(subject, version));
        }
        return all;
    }

    private static List<String> localProblems(String level, Schema candidate, RegisteredSchema earlier) {
        String base = level.toUpperCase(Locale.ROOT).replace("_TRANSITIVE", "");
        String earlierLabel = "version " + earlier.version();
        List<String> problems = new ArrayList<>();
        if (base.equals("BACKWARD") || base.equals("FULL")) {
            problems.addAll(SchemaChanges.whyUnreadable(candidate, "the new schema", earlier.schema(), earlierLabel));
        }
        if (base.equals("FORWARD") || base.equals("FULL")) {
            problems.addAll(SchemaChanges.whyUnreadable(earlier.schema(), earlierLabel, candidate, "the new schema"));
        }
        return problems;
    }
}
