package news.wiretranslation.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/**
 * One run of the {@code wire-translation} command line in this JVM, with what it printed: for tests of commands that
 * need no cluster. ({@code SchemasCommandTest} and {@code GlossaryCommandTest} still have a copy of their own.)
 *
 * @param exitCode the command's exit code
 * @param out      standard output
 * @param err      standard error
 */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(String... args) {
        CommandLine cli = WireTranslation.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new CommandRun(cli.execute(args), out.toString(), err.toString());
    }
}
