package news.wiretranslation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import news.wiretranslation.feed.ArticleFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

class InputFilesTest {
    @TempDir
    Path dir;

    @Test
    void directoriesAreReadRecursivelyInPathOrderByExtension() throws IOException {
        touch("b/2.json");
        touch("b/1.txt");
        touch("a.jsonl");
        touch("c.HTM");
        touch("README.md");
        touch(".git/config.txt");

        InputFiles.Expansion expansion = InputFiles.expand(List.of(dir.toString()), ArticleFormat.TEXT);

        assertThat(expansion.inputs()).extracting(input -> dir.relativize(input.file()).toString(), InputFiles.Input::format)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a.jsonl", ArticleFormat.JSONL),
                        org.assertj.core.groups.Tuple.tuple("b/1.txt", ArticleFormat.TEXT),
                        org.assertj.core.groups.Tuple.tuple("b/2.json", ArticleFormat.NINJS),
                        org.assertj.core.groups.Tuple.tuple("c.HTM", ArticleFormat.HTML));
        assertThat(expansion.skipped()).isEqualTo(1);
        assertThat(expansion.errors()).isEmpty();
    }

    @Test
    void namedFilesNeedAKnownExtensionOrFormatAndMustExist() throws IOException {
        Path notes = touch("notes.md");

        InputFiles.Expansion byExtension = InputFiles.expand(List.of(notes.toString(), dir.resolve("missing.txt").toString()), null);
        InputFiles.Expansion forced = InputFiles.expand(List.of(notes.toString()), ArticleFormat.TEXT);

        assertThat(byExtension.errors()).extracting(Throwable::getMessage).containsExactly(
                notes + ": has no known extension (.txt, .html, .htm, .json, .jsonl); name its format with --format",
                dir.resolve("missing.txt") + ": no such file or directory");
        assertThat(forced.inputs()).containsExactly(new InputFiles.Input(notes, ArticleFormat.TEXT));
    }

    @Test
    void noArgumentsOrADashMeanStandardInput() {
        assertThat(InputFiles.expand(List.of(), ArticleFormat.NINJS).inputs())
                .containsExactly(new InputFiles.Input(null, ArticleFormat.NINJS));
        assertThat(InputFiles.expand(List.of("-"), null).inputs()).singleElement().satisfies(i -> assertThat(i.isStdin()).isTrue());
    }

    @Test
    void durationsReadAsPeopleTypeThem() {
        DurationConverter converter = new DurationConverter();
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(converter.convert("PT1H")).isEqualTo(Duration.ofHours(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> converter.convert("soon"))
                .isInstanceOf(TypeConversionException.class).hasMessageContaining("'soon'");
    }

    private Path touch(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "x");
    }
}
