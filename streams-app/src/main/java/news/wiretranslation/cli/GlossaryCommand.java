package news.wiretranslation.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import news.wiretranslation.config.ConfigException;
import news.wiretranslation.config.ConfigLoader;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.Setting;
import news.wiretranslation.glossary.Glossary;
import news.wiretranslation.glossary.GlossaryFiles;
import news.wiretranslation.glossary.GlossaryProblem;
import news.wiretranslation.glossary.LanguagePair;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.deepl.DeepLGlossaries;
import news.wiretranslation.translate.deepl.DeepLSettings;
import news.wiretranslation.translate.deepl.DeepLTranslator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code glossary check|sync|list}: the newsroom's glossary files ({@code GLOSSARY_DIR}) and the DeepL glossaries the
 * service makes from them (named {@code <APPLICATION_ID> <pair> <content hash>}).
 */
@Command(name = "glossary",
        mixinStandardHelpOptions = true,
        description = {
                "Checks the glossary files, syncs them to DeepL, or lists the DeepL glossaries the service owns.",
                "One file per language pair in GLOSSARY_DIR, named after it: fr-en.tsv (source<TAB>target per line)"
                        + " or fr-en.csv. The service syncs at start-up and on every change by itself; these commands"
                        + " are for editors and deployments."},
        subcommands = {GlossaryCommand.Check.class, GlossaryCommand.Sync.class, GlossaryCommand.ListGlossaries.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
                "  java -jar wire-translation.jar glossary check config/glossaries",
                "  GLOSSARY_DIR=config/glossaries DEEPL_AUTH_KEY=... java -jar wire-translation.jar glossary sync --dry-run",
                "  DEEPL_AUTH_KEY=... java -jar wire-translation.jar glossary list"})
public final class GlossaryCommand implements Callable<Integer> {
    public static final int EXIT_OK = 0;
    /** check: a file has problems; sync: the files have problems, nothing was sent. */
    public static final int EXIT_INVALID = 1;
    public static final int EXIT_USAGE = 2;
    /** DeepL could not be reached or refused. */
    public static final int EXIT_DEEPL = 3;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return EXIT_USAGE;
    }

    /** Options every subcommand has: the settings as for {@code run}. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-c", "--config"}, paramLabel = "FILE",
                description = "Properties file with the service's settings. Environment variables win, as for run.")
        Path configFile;

        Map<String, String> environment = System.getenv();

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        ConfigLoader loader() {
            return ConfigLoader.of(environment, Optional.ofNullable(configFile));
        }

        /** The glossary directory: {@code dir} if given, else GLOSSARY_DIR. */
        Path glossaryDir(Path dir) {
            if (dir != null) {
                return dir;
            }
            return loader().styleGuide().glossaryDir().orElseThrow(() -> new ConfigException(
                    "No glossary directory: give --dir DIR or set " + Setting.GLOSSARY_DIR.env()));
        }

        /** The service's DeepL client with the configured key and server, and the application id as prefix. */
        DeepLTranslator deepL() {
            ConfigLoader loader = loader();
            ServiceConfig.DeepL deepL = loader.deepLSettings();
            return new DeepLTranslator(new DeepLSettings(deepL.authKey(), deepL.serverUrl().orElse(null), deepL.timeout(),
                    null, java.util.Map.of(), false, java.util.Map.of(),
                    news.wiretranslation.translate.deepl.DeepLProxy.of(deepL.proxy().orElse(null)), deepL.headers()),
                    news.wiretranslation.glossary.TerminologyFiles.NONE, loader.applicationId());
        }

        /** Prints each problem; true when there were none. */
        boolean report(List<GlossaryFiles.Reading> readings) {
            boolean ok = true;
            for (GlossaryFiles.Reading reading : readings) {
                for (GlossaryProblem problem : reading.problems()) {
                    out().println("  " + problem);
                    ok = false;
                }
            }
            return ok;
        }

        @Override
        public Integer call() {
            try {
                return run();
            } catch (ConfigException | IllegalArgumentException e) {
                err().println("glossary: " + e.getMessage());
                return EXIT_USAGE;
            } catch (TranslationException e) {
                err().println("glossary: DeepL failed: " + e.getMessage());
                return EXIT_DEEPL;
            }
        }

        abstract int run() throws TranslationException;
    }

    /** {@code glossary check}. */
    @Command(name = "check",
            mixinStandardHelpOptions = true,
            description = {
                    "Validates glossary files without contacting DeepL: file names (<source>-<target>.tsv/.csv), fields,"
                            + " empty terms, terms with outer spaces or control characters, duplicate source terms, two"
                            + " files for one pair, and pairs DeepL has no glossaries for. Each problem names its line."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:Every file is valid.", "1:At least one problem (listed).", "2:Bad command line or settings."},
            footerHeading = "%nExamples:%n",
            footer = {"  java -jar wire-translation.jar glossary check config/glossaries/fr-en.tsv",
                    "  GLOSSARY_DIR=config/glossaries java -jar wire-translation.jar glossary check"})
    static final class Check extends Base {
        @Parameters(paramLabel = "FILE", arity = "0..*",
                description = "Glossary files or directories to check. Default: GLOSSARY_DIR.")
        List<Path> files = new ArrayList<>();

        @Override
        int run() {
            List<GlossaryFiles.Reading> readings = new ArrayList<>();
            List<Path> targets = files.isEmpty() ? List.of(glossaryDir(null)) : files;
            for (Path target : targets) {
                if (Files.isDirectory(target)) {
                    readings.addAll(GlossaryFiles.readDirectory(target));
                } else if (Files.isRegularFile(target)) {
                    readings.add(GlossaryFiles.read(target));
                } else {
                    throw new IllegalArgumentException("No such file or directory: " + target);
                }
            }
            for (GlossaryFiles.Reading reading : readings) {
                if (reading.glossary() != null && reading.problems().isEmpty()) {
                    out().println(reading.glossary().source() + ": " + reading.glossary().pair() + ", "
                            + reading.glossary().entries().size() + " entries, content hash " + reading.glossary().contentHash());
                }
            }
            boolean ok = report(readings);
            long files = readings.size();
            out().println(ok ? files + " glossary file(s) valid." : "Problems found in the glossary files.");
            return ok ? EXIT_OK : EXIT_INVALID;
        }
    }

    /** {@code glossary sync}. */
    @Command(name = "sync",
            mixinStandardHelpOptions = true,
            description = {
                    "Creates on DeepL the glossaries of the files that DeepL does not have yet (same content hash),"
                            + " reuses those it has, deletes the service's glossaries they replace or that no file asks"
                            + " for any more, and shows each new glossary's changes entry by entry (+ added, ~ changed,"
                            + " - removed). Uses DEEPL_AUTH_KEY, DEEPL_SERVER_URL and APPLICATION_ID (the name prefix)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:Synced (or, with --dry-run, shown).", "1:The files have problems: nothing sent.",
                    "2:Bad command line or settings.", "3:DeepL could not be reached or refused."},
            footerHeading = "%nExamples:%n",
            footer = {"  GLOSSARY_DIR=config/glossaries DEEPL_AUTH_KEY=... java -jar wire-translation.jar glossary sync",
                    "  java -jar wire-translation.jar glossary sync --dir config/glossaries --dry-run --config service.properties"})
    static final class Sync extends Base {
        @Option(names = "--dir", paramLabel = "DIR", description = "Glossary directory. Default: GLOSSARY_DIR.")
        Path dir;

        @Option(names = "--dry-run", description = "Show what would change on DeepL; change nothing.")
        boolean dryRun;

        @Override
        int run() throws TranslationException {
            Path glossaryDir = glossaryDir(dir);
            List<GlossaryFiles.Reading> readings = GlossaryFiles.readDirectory(glossaryDir);
            if (!report(readings)) {
                out().println("Nothing synced: fix the glossary files first.");
                return EXIT_INVALID;
            }
            Map<LanguagePair, Glossary> wanted = GlossaryFiles.loadDirectory(glossaryDir);
            DeepLGlossaries.Report report = deepL().syncGlossaries(wanted, !dryRun);
            for (DeepLGlossaries.Change change : report.changes()) {
                String verb = switch (change.action()) {
                    case CREATED -> dryRun ? "would create" : "created";
                    case REUSED -> "unchanged";
                    case DELETED -> dryRun ? "would delete" : "deleted";
                };
                out().println(change.pair() + ": " + verb + " '" + change.name() + "'"
                        + (change.glossaryId() == null ? "" : " (" + change.glossaryId() + ")") + ", " + change.entries()
                        + " entries");
                change.diff().forEach(line -> out().println("    " + line));
            }
            long entries = wanted.values().stream().mapToLong(g -> g.entries().size()).sum();
            out().printf(dryRun ? "Dry run, nothing changed: %d glossaries (%d entries): %d to create, %d unchanged, %d to delete.%n"
                            : "Synced %d glossaries (%d entries): %d created, %d unchanged, %d deleted.%n", wanted.size(), entries,
                    report.count(DeepLGlossaries.Action.CREATED), report.count(DeepLGlossaries.Action.REUSED),
                    report.count(DeepLGlossaries.Action.DELETED));
            return EXIT_OK;
        }
    }

    /** {@code glossary list}. */
    @Command(name = "list",
            mixinStandardHelpOptions = true,
            description = {"Lists the DeepL glossaries the service owns (names starting with APPLICATION_ID), oldest first:"
                    + " pair, entries, content hash, id, and whether it matches the file in GLOSSARY_DIR (when set)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:Listed.", "2:Bad command line or settings.", "3:DeepL could not be reached or refused."})
    static final class ListGlossaries extends Base {
        @Override
        int run() throws TranslationException {
            Optional<Path> dir = loader().styleGuide().glossaryDir();
            Map<LanguagePair, Glossary> local = dir.map(GlossaryFiles::loadDirectory).orElse(Map.of());
            List<DeepLGlossaries.Owned> owned = deepL().ownedGlossaries();
            for (DeepLGlossaries.Owned glossary : owned) {
                Glossary file = local.get(glossary.pair());
                String status = dir.isEmpty() ? "" : file == null ? "  (no file: deleted at the next sync)"
                        : file.contentHash().equals(glossary.contentHash()) ? "  (matches " + file.source() + ")"
                        : "  (replaced at the next sync: " + file.source() + " changed)";
                out().printf("%-7s %5d entries  %s  %s%s%n", glossary.pair(), glossary.entryCount(),
                        glossary.contentHash(), glossary.info().getGlossaryId(), status);
            }
            out().println(owned.size() + " glossaries.");
            return EXIT_OK;
        }
    }
}
