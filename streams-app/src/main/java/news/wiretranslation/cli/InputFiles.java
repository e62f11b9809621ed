package news.wiretranslation.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import news.wiretranslation.feed.ArticleFormat;
import news.wiretranslation.feed.ArticleReadException;

/**
 * Expands the {@code publish} arguments into the inputs to read, in a deterministic order: arguments as given,
 * each directory's files recursively in path order, so that revisions named in order are sent in order.
 *
 * <p>A file named on the command line is read in {@code --format} when given, else by its extension, and one
 * with no known extension is an error. Inside directories only files with a known extension are read (a README
 * beside the articles is not an article); hidden files and directories are skipped.
 */
final class InputFiles {

    /** One input: a file and the format to read it in, or standard input ({@code file == null}). */
    record Input(Path file, ArticleFormat format) {
        boolean isStdin() {
            return file == null;
        }
    }

    /**
     * @param inputs  what to read, in order
     * @param errors  arguments that cannot be read (missing, unknown extension)
     * @param skipped files inside directories that were not read (unknown extension)
     */
    record Expansion(List<Input> inputs, List<ArticleReadException> errors, int skipped) {
    }

    static final String STDIN = "-";

    private InputFiles() {
    }

    /** No arguments mean standard input. */
    static Expansion expand(List<String> arguments, ArticleFormat forcedFormat) {
        List<Input> inputs = new ArrayList<>();
        List<ArticleReadException> errors = new ArrayList<>();
        int skipped = 0;
        List<String> args = arguments == null || arguments.isEmpty() ? List.of(STDIN) : arguments;
        for (String argument : args) {
            if (argument.equals(STDIN)) {
                inputs.add(new Input(null, forcedFormat));
                continue;
            }
            Path path = Path.of(argument);
            if (Files.isDirectory(path)) {
                List<Path> files;
                try {
                    files = filesIn(path);
                } catch (IOException e) {
                    errors.add(new ArticleReadException(argument, 0, "cannot list the directory: " + e.getMessage(), e));
                    continue;
                }
                for (Path file : files) {
                    Optional<ArticleFormat> format = ArticleFormat.forFile(file);
                    if (format.isPresent()) {
                        inputs.add(new Input(file, format.get()));
                    } else {
                        skipped++;
                    }
                }
            } else if (!Files.isRegularFile(path)) {
                errors.add(new ArticleReadException(argument, "no such file or directory"));
            } else {
                Optional<ArticleFormat> format = Optional.ofNullable(forcedFormat).or(() -> ArticleFormat.forFile(path));
                if (format.isPresent()) {
                    inputs.add(new Input(path, format.get()));
                } else {
                    errors.add(new ArticleReadException(argument,
                            "has no known extension (.txt, .html, .htm, .json, .jsonl); name its format with --format"));
                }
            }
        }
        return new Expansion(inputs, errors, skipped);
    }

    private static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile)
                    .filter(file -> !isHidden(directory.relativize(file)))
                    .sorted()
                    .toList();
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
