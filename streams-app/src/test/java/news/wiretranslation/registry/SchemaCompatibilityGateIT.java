package news.wiretranslation.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.cli.WireTranslation;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The compatibility gate, {@code wire-translation schemas check|register}, against a real registry (Apicurio).
 *
 * <p>{@link #currentSchemasAreCompatibleWithTheReleasedOnes} is the gate CI runs: the released schemas
 * ({@code src/test/resources/registry/released-schemas}) are registered, then the project's current
 * {@code schemas/src/main/avro/*.avsc} are checked against them. A change that breaks compatibility fails it.
 */
class SchemaCompatibilityGateIT {

    private static final Path CURRENT_SCHEMAS = Path.of("..", "schemas", "src", "main", "avro");
    private static final Path RELEASED_SCHEMAS = Path.of("src", "test", "resources", "registry", "released-schemas");

    private static ApicurioRegistry apicurio;

    @TempDir
    Path work;

    @BeforeAll
    static void registry() {
        apicurio = ApicurioRegistry.shared();
    }

    /** What one run of the command printed and returned. */
    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    private static Run wireTranslation(String... args) {
        CommandLine cli = WireTranslation.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        Run run = new Run(code, out.toString(), err.toString());
        System.out.println("$ wire-translation " + String.join(" ", args) + "\n" + run);
        return run;
    }

    /** The service's settings for topics of their own: the default subjects then are fresh in the shared registry. */
    private Path serviceSettings(String prefix, String... more) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "input.topic=" + prefix + ".raw",
                "output.topic.prefix=" + prefix + ".normalized.",
                "dlq.topic=" + prefix + ".dlq",
                "review.requests.topic=" + prefix + ".review.requests",
                "review.decisions.topic=" + prefix + ".review.decisions",
                "target.languages=EN-US,DE",
                "schema.registry.max.retries=0"));
        lines.addAll(List.of(more));
        Path file = work.resolve(prefix + ".properties");
        Files.write(file, lines);
        return file;
    }

    private static List<String> subjects(String prefix) {
        return List.of(prefix + ".raw-value", prefix + ".normalized.en-us-value", prefix + ".normalized.de-value",
                prefix + ".dlq-value", prefix + ".review.requests-value", prefix + ".review.decisions-value");
    }

    private static Schema parse(Path file) throws IOException {
        return new Schema.Parser().parse(file.toFile());
    }

    /** Registers the released schemas as version 1 of each default subject, with the gate's levels. */
    private static void releaseBaseline(String prefix) throws IOException {
        RestSchemaRegistryClient client = apicurio.client();
        client.register(prefix + ".raw-value", parse(RELEASED_SCHEMAS.resolve("RawArticle.avsc")));
        for (String subject : List.of(prefix + ".normalized.en-us-value", prefix + ".normalized.de-value")) {
            client.register(subject, parse(RELEASED_SCHEMAS.resolve("Article.avsc")));
            apicurio.setCompatibility(subject, "FULL");
        }
        client.register(prefix + ".dlq-value", parse(RELEASED_SCHEMAS.resolve("DeadLetter.avsc")));
        apicurio.setCompatibility(prefix + ".dlq-value", "FULL");
        client.register(prefix + ".review.requests-value", parse(RELEASED_SCHEMAS.resolve("ReviewRequest.avsc")));
        apicurio.setCompatibility(prefix + ".review.requests-value", "FULL");
        client.register(prefix + ".review.decisions-value", parse(RELEASED_SCHEMAS.resolve("ReviewDecision.avsc")));
        apicurio.setCompatibility(prefix + ".review.decisions-value", "FULL");
    }

    /** A copy of the current schemas in which Article gained a required field: the change the gate must stop. */
    private Path schemasWithABreakingArticleChange() throws IOException {
        Path dir = Files.createDirectories(work.resolve("breaking"));
        try (Stream<Path> files = Files.list(CURRENT_SCHEMAS)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        Files.writeString(dir.resolve("Article.avsc"), SchemaVariants.of(Article.getClassSchema())
                .with("", "{\"name\":\"sentiment\",\"type\":\"string\"}").json());
        return dir;
    }

    @Test
    void releasedSchemasAreTheContractTheGateProtects() throws IOException {
        // The baseline must be a set of real schemas for the same records, or the gate checks nothing.
        assertThat(parse(RELEASED_SCHEMAS.resolve("RawArticle.avsc")).getFullName()).isEqualTo(RawArticle.getClassSchema().getFullName());
        assertThat(parse(RELEASED_SCHEMAS.resolve("Article.avsc")).getFullName()).isEqualTo(Article.getClassSchema().getFullName());
        assertThat(parse(RELEASED_SCHEMAS.resolve("DeadLetter.avsc")).getFullName()).isEqualTo(DeadLetter.getClassSchema().getFullName());
        try (Stream<Path> files = Files.list(CURRENT_SCHEMAS)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".avsc")).sorted())
                    .as("every current schema has a released baseline (or is new: then give it one)")
                    .allSatisfy(name -> assertThat(RELEASED_SCHEMAS.resolve(name)).exists());
        }
    }

    @Test
    void currentSchemasAreCompatibleWithTheReleasedOnes() throws IOException {
        String prefix = ApicurioRegistry.uniqueTopic("gate");
        releaseBaseline(prefix);

        Run run = wireTranslation("schemas", "check", "--registry", apicurio.url(),
                "--config", serviceSettings(prefix).toString(), "--dir", CURRENT_SCHEMAS.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(0);
        for (String subject : subjects(prefix)) {
            assertThat(run.out()).as(run.toString()).containsPattern(
                    java.util.regex.Pattern.quote(subject) + " <- \\w+\\.avsc: OK, (unchanged|compatible)");
        }
        assertThat(run.out()).contains("All 6 schemas are compatible.");
    }

    @Test
    void breakingChangeFailsTheGateExplainingWhatAndWhy() throws IOException {
        String prefix = ApicurioRegistry.uniqueTopic("gate");
        releaseBaseline(prefix);

        Run run = wireTranslation("schemas", "check", "--registry", apicurio.url(),
                "--config", serviceSettings(prefix).toString(), "--dir", schemasWithABreakingArticleChange().toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains(
                prefix + ".normalized.en-us-value <- Article.avsc: INCOMPATIBLE with version 1",
                prefix + ".normalized.de-value <- Article.avsc: INCOMPATIBLE with version 1",
                "under FULL",
                "+ sentiment: string (required: no default)",
                "the new schema cannot read records written with version 1: field 'sentiment' has no default",
                "READER_FIELD_MISSING_DEFAULT_VALUE",
                "the registry says: not compatible",
                "2 of 6 schemas are incompatible.");
        assertThat(run.out()).contains(prefix + ".raw-value <- RawArticle.avsc: OK");
    }

    @Test
    void registerRefusesABreakingChangeAndRegistersNothing() throws IOException {
        String prefix = ApicurioRegistry.uniqueTopic("gate");
        releaseBaseline(prefix);

        Run run = wireTranslation("schemas", "register", "--registry", apicurio.url(),
                "--config", serviceSettings(prefix).toString(), "--dir", schemasWithABreakingArticleChange().toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("nothing registered");
        for (String subject : subjects(prefix)) {
            assertThat(apicurio.client().versions(subject)).as(subject).containsExactly(1);
        }
    }

    @Test
    void registerRegistersEverySchemaThenCheckFindsThemUnchanged() throws IOException {
        String prefix = ApicurioRegistry.uniqueTopic("gate");
        Path settings = serviceSettings(prefix);

        Run first = wireTranslation("schemas", "register", "--registry", apicurio.url(), "--config", settings.toString(),
                "--dir", CURRENT_SCHEMAS.toString());
        Run again = wireTranslation("schemas", "register", "--registry", apicurio.url(), "--config", settings.toString(),
                "--dir", CURRENT_SCHEMAS.toString());
        Run check = wireTranslation("schemas", "check", "--registry", apicurio.url(), "--config", settings.toString(),
                "--dir", CURRENT_SCHEMAS.toString());

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(0);
        assertThat(first.out()).contains(prefix + ".raw-value <- RawArticle.avsc: OK, new subject",
                prefix + ".raw-value <- RawArticle.avsc: registered as version 1",
                prefix + ".normalized.de-value <- Article.avsc: registered as version 1",
                "All 6 schemas are registered.");
        RegisteredSchema deadLetters = apicurio.client().latest(prefix + ".dlq-value").orElseThrow();
        assertThat(deadLetters.schema()).isEqualTo(parse(CURRENT_SCHEMAS.resolve("DeadLetter.avsc")));
        // The service, run with auto-registration off, finds what the command registered.
        java.util.Map<String, Object> noAutoRegister = new java.util.HashMap<>(apicurio.clientConfigs());
        noAutoRegister.put("auto.register.schemas", false);
        AvroSerde<DeadLetter> service = new AvroSerde<>(DeadLetter.class);
        service.configure(noAutoRegister, false);
        byte[] bytes = service.serializer().serialize(prefix + ".dlq", SampleRecords.deadLetter());
        assertThat(java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(deadLetters.id());
        assertThat(again.exitCode()).isEqualTo(0);
        assertThat(again.out()).contains(prefix + ".dlq-value <- DeadLetter.avsc: already registered as version 1");
        assertThat(check.exitCode()).isEqualTo(0);
        assertThat(check.out()).contains(prefix + ".normalized.en-us-value <- Article.avsc: OK, unchanged since version 1");
    }

    @Test
    void explicitSubjectPairsReplaceTheDefaults() throws IOException {
        String subject = ApicurioRegistry.uniqueTopic("explicit") + "-value";
        apicurio.client().register(subject, SchemaVariants.of(RawArticle.getClassSchema()).without("urgency").schema());

        Run run = wireTranslation("schemas", "check", "--registry", apicurio.url(), "--dir", CURRENT_SCHEMAS.toString(),
                "--subject", subject + "=RawArticle.avsc", "--config", serviceSettings("unused").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(0);
        assertThat(run.out()).contains(subject + " <- RawArticle.avsc: OK, compatible with version 1",
                "+ urgency: null | int = null", "All 1 schemas are compatible.");
    }

    @Test
    void schemaFileWithoutASubjectIsAnErrorNotASilentPass() throws IOException {
        Path dir = Files.createDirectories(work.resolve("extra"));
        try (Stream<Path> files = Files.list(CURRENT_SCHEMAS)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        Files.writeString(dir.resolve("Sentiment.avsc"),
                "{\"type\":\"record\",\"name\":\"Sentiment\",\"fields\":[{\"name\":\"score\",\"type\":\"double\"}]}");

        Run run = wireTranslation("schemas", "check", "--registry", apicurio.url(), "--dir", dir.toString(),
                "--config", serviceSettings(ApicurioRegistry.uniqueTopic("extra")).toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("No subject for Sentiment.avsc", "--subject SUBJECT=FILE");
    }

    @Test
    void unreachableRegistryExitsWithItsOwnCode() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        Run run = wireTranslation("schemas", "check", "--registry", "http://127.0.0.1:" + port,
                "--dir", CURRENT_SCHEMAS.toString(), "--config", serviceSettings("down").toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("the registry failed", "no registry reachable", "down.raw-value");
    }
}
