package news.wiretranslation.demo.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import news.wiretranslation.cli.WireTranslation;
import picocli.CommandLine;

/**
 * The demo jar's entry point: the service's own command line, plus {@code demo}. The demo lives in this jar, not the
 * service's, because it needs the in-process broker, which the service must not carry.
 */
public final class DemoMain {
    private DemoMain() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = WireTranslation.commandLine();
        // "demo" heads the list of commands, as it did when the service carried it: it is what a newcomer runs first.
        Map<String, CommandLine> serviceCommands = new LinkedHashMap<>(cli.getSubcommands());
        serviceCommands.keySet().forEach(cli.getCommandSpec()::removeSubcommand);
        cli.addSubcommand("demo", new DemoCommand());
        serviceCommands.forEach(cli::addSubcommand);
        Map<String, String> exitCodes = new LinkedHashMap<>(cli.getCommandSpec().usageMessage().exitCodeList());
        exitCodes.put(String.valueOf(DemoCommand.EXIT_NO_ENGINE), "demo: no translation engine available (it explains how to get one).");
        cli.getCommandSpec().usageMessage().exitCodeList(exitCodes);
        return cli;
    }
}
