package news.wiretranslation.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is the operator's reference: every setting the service reads must be in its table, with its
 * default.
 */
class ConfigurationDocListsEverySettingTest {

    @Test
    void everySettingHasARowInTheConfigurationDocWithItsDefault() throws IOException {
        Path doc = Path.of("..", "docs", "configuration.md");
        String text = Files.readString(doc);

        for (Setting setting : Setting.values()) {
            String row = text.lines().filter(line -> line.startsWith("| `" + setting.env() + "`")).findFirst()
                    .orElseThrow(() -> new AssertionError("docs/configuration.md has no table row for " + setting.env()));
            String expectedDefault = setting.defaultValue() == null ? "required"
                    : setting.defaultValue().isEmpty() ? "(empty)" : "`" + setting.defaultValue() + "`";
            assertThat(row).as("docs/configuration.md row for %s", setting.env()).contains(expectedDefault);
        }
    }
}
