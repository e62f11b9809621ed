package news.wiretranslation.ninjs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import news.wiretranslation.cli.WireTranslation;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code tail --ninjs-version}: parsed and checked before anything connects to Kafka. */
class TailNinjsVersionOptionTest {

    @Test
    void helpNamesTheOptionAndItsDefault() {
        Run run = run("tail", "--help");

        assertThat(run.exitCode).isZero();
        assertThat(run.out).contains("--ninjs-version=VERSION").contains("2.2").contains("3.1");
    }

    @Test
    void unknownVersionIsAUsageError() {
        Run run = run("tail", "--format", "ninjs", "--ninjs-version", "3.0");

        assertThat(run.exitCode).isEqualTo(WireTranslation.EXIT_USAGE);
        assertThat(run.err).contains("'3.0' is not a ninjs version this writes: use 2.2, 3.1");
    }

    @Test
    void versionWithoutNinjsFormatIsAUsageError() {
        Run run = run("tail", "--format", "json", "--ninjs-version", "3.1");

        assertThat(run.exitCode).isEqualTo(WireTranslation.EXIT_USAGE);
        assertThat(run.err).contains("--ninjs-version goes with --format ninjs");
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = WireTranslation.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err) {
    }
}
