package news.wiretranslation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import news.wiretranslation.review.signin.PasswordHasher;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

class ReviewCommandTest {

    private static String[] run(String stdin, String... args) {
        InputStream original = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            CommandLine cli = WireTranslation.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute(args);
            return new String[]{String.valueOf(code), out.toString(), err.toString()};
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void hashPasswordPrintsTheUsersFileLineForTheEditor() {
        String[] result = run("correct horse\n", "review", "hash-password", "--name", "ada");

        assertThat(result[0]).isEqualTo("0");
        String line = result[1].strip();
        assertThat(line).startsWith("ada:$2a$12$").doesNotContain("correct horse");
        assertThat(new PasswordHasher().matches("correct horse", line.substring("ada:".length()))).isTrue();
    }

    @Test
    void hashPasswordRefusesAnEmptyPasswordAndANameWithAColon() {
        assertThat(run("\n", "review", "hash-password")[0]).isEqualTo("2");
        String[] colon = run("secret\n", "review", "hash-password", "--name", "a:b");
        assertThat(colon[0]).isEqualTo("2");
        assertThat(colon[2]).contains("':'");
    }

    @Test
    void theDeskStopsStartUpNamingAMissingSetting() {
        String[] result = run("", "review", "--config", "/dev/null");

        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("KAFKA_BOOTSTRAP_SERVERS");
    }
}
