package news.wiretranslation.cli;

import news.wiretranslation.config.BuildInfo;
import news.wiretranslation.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wire-translation} command line: {@code java -jar wire-translation.jar <command>}. */
@Command(name = "wire-translation",
        mixinStandardHelpOptions = true,
        versionProvider = WireTranslation.Version.class,
        description = "Machine-translates wire-service articles on Kafka, labelling every translation.",
        // The demo jar adds "demo" (news.wiretranslation.demo.cli.DemoMain): the service carries no broker.
        subcommands = {RunCommand.class, PublishCommand.class, TailCommand.class,
                SchemasCommand.class, ReplayCommand.class, GlossaryCommand.class, ReviewCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:Success.",
                "1:The service stopped on an error; publish or tail failed (see each command's --help).",
                "2:Bad command line or configuration (the message names the setting); publish: an input is invalid."})
public final class WireTranslation {

    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new WireTranslation());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            if (exception instanceof ConfigException) {
                commandLine.getErr().println("Configuration error: " + exception.getMessage());
                return EXIT_USAGE;
            }
            throw exception;
        });
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{BuildInfo.pipelineVersion()};
        }
    }
}
