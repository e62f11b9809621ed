package news.wiretranslation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.ConfigLoader;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The parts of {@code schemas check|register} that need no registry: help, settings, subjects and explanations. */
class SchemasCommandTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = WireTranslation.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void helpExplainsTheSubjectsAndShowsExamples() {
        Run schemas = run("schemas", "--help");
        Run check = run("schemas", "check", "--help");
        Run register = run("schemas", "help", "register");

        assertThat(schemas.exitCode()).isZero();
        assertThat(schemas.out()).contains("check", "register", "RawArticle.avsc", "<DLQ_TOPIC>-value", "Examples:");
        assertThat(check.out()).contains("--registry", "--subject", "--dir", "--config", "Exit codes:", "Examples:",
                "schemas/src/main/avro");
        assertThat(register.out()).contains("only when all are compatible", "Examples:");
        assertThat(run("--help").out()).contains("schemas");
    }

    @Test
    void schemasWithoutASubcommandPrintsUsage() {
        Run bare = run("schemas");

        assertThat(bare.exitCode()).isEqualTo(SchemasCommand.EXIT_USAGE);
        assertThat(bare.out()).contains("Usage:", "check", "register");
    }

    @Test
    void noRegistryAndNoSchemaDirectoryAreUsageErrorsNamingTheFix(@TempDir Path dir) {
        Run noDir = run("schemas", "check", "--registry", "http://127.0.0.1:1", "--dir", dir.resolve("nope").toString());
        assertThat(noDir.exitCode()).isEqualTo(SchemasCommand.EXIT_USAGE);
        assertThat(noDir.err()).contains("No schema directory", "--dir");

        if (System.getenv("SCHEMA_REGISTRY_URL") == null) {
            Run noRegistry = run("schemas", "check", "--dir", dir.toString());
            assertThat(noRegistry.exitCode()).isEqualTo(SchemasCommand.EXIT_USAGE);
            assertThat(noRegistry.err()).contains("--registry", "SCHEMA_REGISTRY_URL");
        }
    }

    @Test
    void badSchemaFileIsAUsageErrorNamingTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Broken.avsc"), "{\"type\":\"record\",\"name\":\"Broken\",\"fields\":[{\"name\":\"x\"}]}");

        Run run = run("schemas", "check", "--registry", "http://127.0.0.1:1", "--dir", dir.toString(),
                "--subject", "broken-value=Broken.avsc");

        assertThat(run.exitCode()).isEqualTo(SchemasCommand.EXIT_USAGE);
        assertThat(run.err()).contains("Broken.avsc", "Cannot parse");
    }

    @Test
    void anInvalidDefaultIsOneLineNamingTheFileAndTheProblemAndExit2(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("BadDefault.avsc"), "{\"type\":\"record\",\"name\":\"BadDefault\",\"fields\":"
                + "[{\"name\":\"count\",\"type\":\"long\",\"default\":\"many\"}]}");

        Run run = run("schemas", "check", "--registry", "http://127.0.0.1:1", "--dir", dir.toString(),
                "--subject", "bad-value=BadDefault.avsc");

        assertThat(run.exitCode()).isEqualTo(SchemasCommand.EXIT_USAGE);
        assertThat(run.err().strip()).as("one line, no stack trace").doesNotContain("\n", "\tat ", "Exception")
                .contains("BadDefault.avsc", "Cannot parse", "count", "many");
    }

    @Test
    void defaultSubjectsFollowTheServicesTopicSettings() {
        ConfigLoader loader = new ConfigLoader(Map.of("TARGET_LANGUAGES", "EN-US,PT-BR", "INPUT_TOPIC", "wires",
                "SCHEMA_REGISTRY_URL", "http://127.0.0.1:1"), new Properties());

        assertThat(SchemasCommand.defaultSubjects(loader)).containsExactly(
                Map.entry("wires-value", "RawArticle.avsc"),
                Map.entry("articles.normalized.en-us-value", "Article.avsc"),
                Map.entry("articles.normalized.pt-br-value", "Article.avsc"),
                Map.entry("articles.dlq-value", "DeadLetter.avsc"),
                Map.entry("articles.review.requests-value", "ReviewRequest.avsc"),
                Map.entry("articles.review.decisions-value", "ReviewDecision.avsc"));
    }

    @Test
    void defaultSubjectsIncludeTheReviewTopicWhenOneIsSet() {
        ConfigLoader loader = new ConfigLoader(Map.of("TARGET_LANGUAGES", "DE", "QUALITY_REVIEW_TOPIC", "wires.review",
                "REVIEW_DECISIONS_TOPIC", "audit", "SCHEMA_REGISTRY_URL", "http://127.0.0.1:1"), new Properties());

        assertThat(SchemasCommand.defaultSubjects(loader)).contains(
                Map.entry("wires.review-value", "Article.avsc"),
                Map.entry("audit-value", "ReviewDecision.avsc"));
    }

    @Test
    void fieldChangesNameAddedRemovedRetypedAndNestedFields() {
        Schema before = SchemaBuilder.record("R").fields()
                .requiredString("a")
                .name("b").type().intType().noDefault()
                .name("c").type().stringType().stringDefault("x")
                .name("inner").type(SchemaBuilder.record("Inner").fields().requiredLong("n").endRecord()).noDefault()
                .name("kind").type().enumeration("Kind").symbols("A", "B").noDefault()
                .endRecord();
        Schema after = SchemaBuilder.record("R").fields()
                .requiredString("a")
                .name("b").type().stringType().noDefault()
                .name("inner").type(SchemaBuilder.record("Inner").fields().requiredLong("n")
                        .name("m").type().optional().stringType().endRecord()).noDefault()
                .name("kind").type().enumeration("Kind").symbols("A", "B", "C").noDefault()
                .name("d").type().doubleType().noDefault()
                .endRecord();

        assertThat(SchemaChanges.fieldChanges(before, after)).containsExactly(
                "~ b: type int -> string",
                "+ inner.m: null | string = null",
                "~ kind: enum Kind symbols added [C] (no enum default)",
                "+ d: double (required: no default)",
                "- c: string (had default \"x\")");
        assertThat(SchemaChanges.fieldChanges(before, before)).isEmpty();
    }

    @Test
    void whyUnreadableExplainsEachProblemInBothDirections() {
        Schema older = SchemaBuilder.record("R").fields()
                .name("kind").type().enumeration("Kind").symbols("A").noDefault()
                .name("n").type().intType().noDefault()
                .endRecord();
        Schema newer = SchemaBuilder.record("R").fields()
                .name("kind").type().enumeration("Kind").symbols("A", "B").noDefault()
                .name("n").type().stringType().noDefault()
                .name("extra").type().longType().noDefault()
                .endRecord();

        assertThat(String.join("\n", SchemaChanges.whyUnreadable(newer, "the new schema", older, "version 1")))
                .contains("field 'extra' has no default, and version 1 does not write it",
                        "string in the new schema cannot read int in version 1", "TYPE_MISMATCH at /fields/1/type");
        assertThat(String.join("\n", SchemaChanges.whyUnreadable(older, "version 1", newer, "the new schema")))
                .contains("enum symbols [B] are unknown to version 1", "MISSING_ENUM_SYMBOLS");
        assertThat(SchemaChanges.whyUnreadable(RawArticle.getClassSchema(), "a", RawArticle.getClassSchema(), "b")).isEmpty();
    }

    @Test
    void docsOnlyChangesKeepTheSameEncoding() {
        Schema withDoc = new Schema.Parser().parse(Article.getClassSchema().toString().replace(
                "\"doc\":\"The story id", "\"doc\":\"The story's id"));

        assertThat(SchemaChanges.sameEncoding(withDoc, Article.getClassSchema())).isTrue();
        assertThat(SchemaChanges.fieldChanges(Article.getClassSchema(), withDoc)).isEmpty();
    }
}
