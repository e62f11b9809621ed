package news.wiretranslation.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import news.wiretranslation.config.ConfigLoader;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.review.ReviewDesk;
import news.wiretranslation.review.signin.PasswordHasher;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "review",
        mixinStandardHelpOptions = true,
        description = {
                "Runs the review desk until SIGTERM or Ctrl-C: editors approve, correct or reject the translations that",
                "wait on QUALITY_REVIEW_TOPIC, in a browser (docs/review-desk.md).",
                "Settings as for run (environment, then --config), and the REVIEW_* settings."},
        subcommands = {ReviewCommand.HashPassword.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
                "  QUALITY_REVIEW_TOPIC=articles.review REVIEW_USERS_FILE=/etc/wire-translation/editors \\",
                "    java -jar wire-translation.jar review --config /etc/wire-translation.properties",
                "  java -jar wire-translation.jar review hash-password --name ada >> /etc/wire-translation/editors"})
final class ReviewCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file with settings (lower case, dots). Environment variables win.")
    Path configFile;

    @Override
    public Integer call() throws InterruptedException {
        ServiceConfig config = ConfigLoader.fromEnvironment(Optional.ofNullable(configFile)).load();
        config.logFormat().apply();
        ReviewDesk desk = ReviewDesk.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(desk::close, "review-desk-shutdown"));
        System.out.println("Review desk: " + desk.url());
        desk.awaitStop();
        return desk.state() == KafkaStreams.State.ERROR ? WireTranslation.EXIT_FAILURE : 0;
    }

    @Command(name = "hash-password",
            mixinStandardHelpOptions = true,
            description = {"Reads a password (asked for on a terminal, else the first line of standard input) and",
                    "prints its BCrypt hash, or name:hash with --name: a line for REVIEW_USERS_FILE."})
    static final class HashPassword implements Callable<Integer> {
        @Option(names = "--name", paramLabel = "EDITOR", description = "Print name:hash, the users file's line.")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            char[] password = readPassword();
            if (password == null || password.length == 0) {
                spec.commandLine().getErr().println("No password given.");
                return WireTranslation.EXIT_USAGE;
            }
            if (name != null && (name.isBlank() || name.contains(":"))) {
                spec.commandLine().getErr().println("An editor's name must not be empty or hold ':'.");
                return WireTranslation.EXIT_USAGE;
            }
            String hash = new PasswordHasher().hash(java.nio.CharBuffer.wrap(password));
            java.util.Arrays.fill(password, '\0');
            spec.commandLine().getOut().println(name == null ? hash : name.strip() + ":" + hash);
            spec.commandLine().getOut().flush();
            return 0;
        }

        private static char[] readPassword() throws IOException {
            Console console = System.console();
            if (console != null) {
                return console.readPassword("Password: ");
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? null : line.toCharArray();
        }
    }
}
