package news.wiretranslation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The replay command's own checks of its command line, made before it contacts anything. */
class ReplayCommandTest {
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = WireTranslation.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void eachEndOfTheRangeIsATimeOrOffsetsNotBoth() {
        assertThat(run("replay", "--from", "2026-11-01T00:00Z", "--from-offsets", "0:10")).isEqualTo(WireTranslation.EXIT_USAGE);
        assertThat(err.toString()).contains("give each end as a time or as offsets");
    }

    @Test
    void aTimeThatCannotBeReadIsNamed() {
        assertThat(run("replay", "--from", "yesterday")).isEqualTo(WireTranslation.EXIT_USAGE);
        assertThat(err.toString()).contains("'yesterday' is not a time such as 2026-11-01T00:00Z");
    }

    @Test
    void badOffsetsAreNamed() {
        assertThat(run("replay", "--to-offsets", "0:ten")).isEqualTo(WireTranslation.EXIT_USAGE);
        assertThat(err.toString()).contains("'0:ten' is not partition:offset");
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefused() {
        assertThat(run("replay", "--from", "2026-11-02", "--to", "2026-11-01")).isEqualTo(WireTranslation.EXIT_USAGE);
        assertThat(err.toString()).contains("is not after its start");
    }

    @Test
    void theModeMustBeInstanceOrReset() {
        assertThat(run("replay", "--mode", "rewind")).isEqualTo(WireTranslation.EXIT_USAGE);
        assertThat(err.toString()).contains("--mode").contains("INSTANCE, RESET");
    }
}
