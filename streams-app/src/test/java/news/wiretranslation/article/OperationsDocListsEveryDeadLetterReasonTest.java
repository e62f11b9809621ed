package news.wiretranslation.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The dead-letter reasons table of docs/operations.md is what a consumer of the dead-letter topic reads: it names
 * exactly the reasons the service writes, no more and no fewer, each with its stage and meaning.
 */
class OperationsDocListsEveryDeadLetterReasonTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| ([^|]+) \\| ([^|]+) \\|$");

    @Test
    void theDeadLetterReasonsTableNamesExactlyTheReasonsTheServiceWrites() throws IOException {
        List<String> rows = table();
        List<String> documented = rows.stream().map(ROW::matcher).filter(Matcher::matches).map(m -> m.group(1)).toList();

        assertThat(documented).as("reasons in docs/operations.md's table")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(DeadLetterReason.values()).map(Enum::name).toList());
        assertThat(rows).as("every row has a reason, a stage and a meaning").allMatch(row -> ROW.matcher(row).matches());
    }

    /** The rows of the table under the "Dead-letter reasons" heading, header and separator left out. */
    private static List<String> table() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "docs", "operations.md"));
        int heading = lines.indexOf("### Dead-letter reasons");
        assertThat(heading).as("docs/operations.md has a 'Dead-letter reasons' section").isNotNegative();
        return lines.stream().skip(heading + 1).dropWhile(line -> !line.startsWith("|")).takeWhile(line -> line.startsWith("|"))
                .skip(2).toList();
    }
}
