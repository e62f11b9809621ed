package news.wiretranslation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import news.wiretranslation.translate.deepl.DeepLStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code glossary check|sync|list}, and a bad glossary stopping {@code run}, against the DeepL stand-in. */
class GlossaryCommandTest {

    private record Run(int exitCode, String out, String err) {
    }

    @TempDir
    Path dir;
    private Path glossaries;
    private Path config;
    private DeepLStandIn standIn;

    @BeforeEach
    void start() throws IOException {
        standIn = new DeepLStandIn().start();
        glossaries = Files.createDirectory(dir.resolve("glossaries"));
        Files.writeString(glossaries.resolve("fr-en.tsv"), "Kiev\tKyiv\nPentagone\tPentagon\n");
        config = Files.writeString(dir.resolve("service.properties"), String.join("\n",
                "kafka.bootstrap.servers=127.0.0.1:1",
                "schema.registry.url=mock://glossary-command",
                "application.id=newsroom",
                "deepl.auth.key=" + standIn.authKey(),
                "deepl.server.url=" + standIn.url(),
                "glossary.dir=" + glossaries.toString().replace("\\", "/"),
                "glossary.reload.interval.ms=0",
                ""));
    }

    @AfterEach
    void stop() {
        standIn.close();
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
    void checkNamesEveryBadLineAndPassesAGoodFile() throws IOException {
        Run good = run("glossary", "check", glossaries.resolve("fr-en.tsv").toString());
        assertThat(good.exitCode()).isZero();
        assertThat(good.out()).contains("fr-en, 2 entries");

        Files.writeString(glossaries.resolve("fr-de.csv"), "Kiev,Kyjiw\nKiev,Kiew\n,leer\n");
        Files.writeString(glossaries.resolve("ka-en.tsv"), "a\tb\n");
        Run bad = run("glossary", "check", glossaries.toString());

        assertThat(bad.exitCode()).isEqualTo(GlossaryCommand.EXIT_INVALID);
        assertThat(bad.out()).contains("fr-de.csv line 2: duplicate source term 'Kiev' (first on line 1)",
                "fr-de.csv line 3: empty source term", "ka-en.tsv: pair ka-en: DeepL has no glossaries for 'ka'");
    }

    @Test
    void syncCreatesOnceShowsTheDiffOfAChangeAndDeletesTheReplacedGlossary() throws IOException {
        Run dry = run("glossary", "sync", "--dry-run", "--config", config.toString());
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("fr-en: would create 'newsroom fr-en ", "+ Kiev -> Kyiv", "Dry run");
        assertThat(standIn.glossaryChanges()).isEmpty();

        Run first = run("glossary", "sync", "--config", config.toString());
        Run again = run("glossary", "sync", "--config", config.toString());
        assertThat(first.out()).contains("fr-en: created", "Synced 1 glossaries (2 entries): 1 created, 0 unchanged, 0 deleted.");
        assertThat(again.out()).contains("fr-en: unchanged", "0 created, 1 unchanged, 0 deleted.");

        Files.writeString(glossaries.resolve("fr-en.tsv"), "Kiev\tKyiv\nPentagone\tthe Pentagon\nOTAN\tNATO\n");
        Run changed = run("glossary", "sync", "--config", config.toString());
        assertThat(changed.out()).contains("~ Pentagone -> the Pentagon (was Pentagon)", "+ OTAN -> NATO",
                "fr-en: deleted", "1 created, 0 unchanged, 1 deleted.");
        assertThat(changed.out()).doesNotContain("+ Kiev");
        assertThat(standIn.glossaries()).singleElement()
                .satisfies(g -> assertThat(g.dictionaries().get("fr>en")).hasSize(3));

        Run list = run("glossary", "list", "--config", config.toString());
        assertThat(list.out()).contains("fr-en", "3 entries", "(matches ", "1 glossaries.");
    }

    @Test
    void aBadGlossaryFileStopsRunWithAMessageNamingTheLine() throws IOException {
        Files.writeString(glossaries.resolve("fr-en.tsv"), "Kiev\tKyiv\nPentagone\t\n");

        Run result = run("run", "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(WireTranslation.EXIT_USAGE);
        assertThat(result.err()).contains("GLOSSARY_DIR", "fr-en.tsv line 2: empty target term");
        assertThat(standIn.glossaryChanges()).isEmpty();
    }
}
