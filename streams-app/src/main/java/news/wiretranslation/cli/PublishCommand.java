package news.wiretranslation.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.Setting;
import news.wiretranslation.feed.ArticleFileReader;
import news.wiretranslation.feed.ArticleFormat;
import news.wiretranslation.feed.ArticleInput;
import news.wiretranslation.feed.ArticleOverrides;
import news.wiretranslation.feed.ArticleReadException;
import news.wiretranslation.feed.ArticleRefusedException;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code wire-translation publish}: reads article files and sends them to the raw topic, for the demo, for tests
 * against a real cluster, and for feeding articles by hand.
 *
 * <p>All inputs are read and checked before anything is sent, so a typo in one file of fifty does not leave the
 * topic with half a batch: either every article goes, or (without {@code --skip-invalid}) none does.
 */
@Command(name = "publish",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Reads articles from files, directories or standard input and sends them to the raw topic "
                        + "(key = article id, value = Avro RawArticle), waiting for every acknowledgement.",
                "Formats by extension: .txt (first line = headline), .html/.htm, .json (IPTC ninjs 1.x-3.x), "
                        + ".jsonl (one RawArticle as JSON per line). Directories are read recursively in path order.",
                "Every input is read and checked first; if any is invalid nothing is sent. Items that are not text "
                        + "(ninjs pictures, video, audio, graphics, events, planning; a composite without text) are "
                        + "refused, each named with its reason, and the others are sent."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:Every article was sent (or, with --dry-run, read).",
                "1:Sending failed, or not every input was sent: --skip-invalid skipped invalid ones, or items that "
                        + "are not text were refused (the others were sent).",
                "2:An input is invalid (nothing was sent), or the command line or configuration is wrong."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  wire-translation publish --bootstrap-servers kafka:9092 \\",
                "      --registry http://registry:8081 articles/",
                "  wire-translation publish --dry-run story.txt page.html item.json feed.jsonl",
                "  wire-translation publish --id paris-fire --revision 2 \\",
                "      --language fr --source afp paris-fire.txt",
                "  curl -s https://example.org/item.json | wire-translation publish --format ninjs",
                "  wire-translation publish --skip-invalid --topic articles.raw.test incoming/"})
final class PublishCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR|-", arity = "0..*",
            description = "Files and directories to publish; '-' or nothing reads standard input (needs --format).")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Input format for standard input and for files named on the command line: text, html, ninjs or jsonl. "
                    + "Directories always go by extension.")
    ArticleFormat format;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Raw topic (default: $INPUT_TOPIC or articles.raw).")
    String topic;

    @Option(names = "--id", paramLabel = "ID", description = "Article id, for a single article (default: file name, ninjs uri, or the feed's).")
    String id;

    @Option(names = "--revision", paramLabel = "N", description = "Revision number, 1 or more (default: 1, ninjs version, or the feed's).")
    Integer revision;

    @Option(names = "--language", paramLabel = "LANG", description = "Declared language, e.g. fr or pt-BR (default: what the input says, if anything).")
    String language;

    @Option(names = "--source", paramLabel = "SOURCE", description = "Source, e.g. afp (default: the ninjs provider, "
            + "copyright holder, by or uri domain; the feed's; else 'file').")
    String source;

    @Option(names = "--skip-lines", paramLabel = "N", defaultValue = "0",
            description = "Plain text: lines to drop before the headline, e.g. 1 for a 'Skip to content' line copied from a web page.")
    int skipLines;

    @Option(names = "--skip-invalid", description = "Send the valid inputs and report the invalid ones (exit code 1 if any).")
    boolean skipInvalid;

    @Option(names = "--dry-run", description = "Read, check and print the articles; send nothing (no cluster needed).")
    boolean dryRun;

    @Mixin
    ClusterOptions cluster;

    /** Standard input; replaced in tests. */
    InputStream stdin = System.in;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (skipLines < 0) {
            throw new ParameterException(spec.commandLine(), "--skip-lines must be 0 or more");
        }
        InputFiles.Expansion expansion = InputFiles.expand(inputs, format);
        if (format == null && expansion.inputs().stream().anyMatch(InputFiles.Input::isStdin)) {
            throw new ParameterException(spec.commandLine(), "--format is required when reading standard input");
        }
        List<ArticleReadException> errors = new ArrayList<>(expansion.errors());
        List<ArticleRefusedException> refused = new ArrayList<>();
        List<RawArticle> articles = readAll(expansion.inputs(), errors, refused);
        refused.forEach(refusal -> err.println("Refused " + refusal.input() + ": " + refusal.problem()));
        errors.forEach(error -> report(err, error));
        if (!errors.isEmpty() && !skipInvalid) {
            err.printf("Nothing sent: %d input(s) have errors (use --skip-invalid to send the others).%n", errors.size());
            return WireTranslation.EXIT_USAGE;
        }
        if (id != null && articles.size() > 1) {
            throw new ParameterException(spec.commandLine(), "--id names one article, but " + articles.size() + " were read");
        }
        if (expansion.skipped() > 0) {
            err.printf("Skipped %d file(s) in directories with no known extension.%n", expansion.skipped());
        }
        if (articles.isEmpty()) {
            err.println(refused.isEmpty() ? "No articles found in the inputs; nothing sent."
                    : "No text articles in the inputs; nothing sent.");
            return errors.isEmpty() && refused.isEmpty() ? WireTranslation.EXIT_USAGE : WireTranslation.EXIT_FAILURE;
        }
        if (!refused.isEmpty()) {
            err.printf("Refused %d item(s) that are not text articles.%n", refused.size());
        }
        int status = errors.isEmpty() && refused.isEmpty() ? 0 : WireTranslation.EXIT_FAILURE;
        if (dryRun) {
            articles.forEach(article -> out.println(line("read", article)));
            out.printf("Dry run: %d article(s) read, nothing sent.%n", articles.size());
            return status;
        }
        return send(articles, out, err) ? status : WireTranslation.EXIT_FAILURE;
    }

    private List<RawArticle> readAll(List<InputFiles.Input> toRead, List<ArticleReadException> errors,
                                     List<ArticleRefusedException> refused) {
        ArticleFileReader reader = new ArticleFileReader();
        ArticleOverrides overrides = new ArticleOverrides(id, source, language, revision, skipLines);
        List<RawArticle> articles = new ArrayList<>();
        for (InputFiles.Input input : toRead) {
            try {
                articles.addAll(input.isStdin()
                        ? reader.read(ArticleInput.of(stdin), input.format(), overrides)
                        : reader.read(input.file(), input.format(), overrides));
            } catch (ArticleRefusedException e) {
                refused.add(e);
            } catch (ArticleReadException e) {
                errors.add(e);
            }
        }
        return articles;
    }

    private boolean send(List<RawArticle> articles, PrintWriter out, PrintWriter err) throws InterruptedException {
        String target = cluster.settings().withOption(Setting.INPUT_TOPIC, "--topic", topic).topics().input();
        try (ArticlePublisher publisher = new ArticlePublisher(cluster.kafkaClientProperties(), cluster.registryClientSettings(),
                target)) {
            List<ArticlePublisher.Serialized> records;
            try {
                records = publisher.serialize(articles);
            } catch (RuntimeException e) {
                err.println("Nothing sent: " + e.getMessage());
                return false;
            }
            List<RecordMetadata> written = publisher.send(records);
            for (int i = 0; i < articles.size(); i++) {
                out.println(line("sent", articles.get(i)) + "  (" + written.get(i).partition() + "@" + written.get(i).offset() + ")");
            }
            out.printf("Sent %d article(s) to %s.%n", articles.size(), target);
            return true;
        } catch (ExecutionException e) {
            err.println("Sending to " + target + " failed; some articles may have been written: " + e.getCause());
            return false;
        }
    }

    private static String line(String verb, RawArticle article) {
        String declared = article.getDeclaredLanguage() == null ? "" : "  " + article.getDeclaredLanguage();
        // Said aloud: an item whose body no reader found would otherwise go out headline-only without a word.
        String headlineOnly = article.getBody().isBlank() ? "  (headline only: no body)" : "";
        return verb + "  " + article.getId() + "  r" + article.getRevision() + declared + "  " + article.getHeadline()
                + headlineOnly;
    }

    private static void report(PrintWriter err, ArticleReadException error) {
        err.println("Error: " + error.getMessage());
        for (Throwable more : error.getSuppressed()) {
            err.println("Error: " + more.getMessage());
        }
    }
}
