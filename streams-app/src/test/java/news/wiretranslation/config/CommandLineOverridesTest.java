package news.wiretranslation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** A command-line option overrides one setting on top of the environment, the file and the defaults. */
class CommandLineOverridesTest {

    private static ConfigLoader loader(Map<String, String> env, String... fileEntries) {
        Properties file = new Properties();
        for (int i = 0; i < fileEntries.length; i += 2) {
            file.setProperty(fileEntries[i], fileEntries[i + 1]);
        }
        return new ConfigLoader(env, file);
    }

    @Test
    void anOptionWinsOverTheEnvironmentAndTheFile() {
        ConfigLoader loader = loader(Map.of("INPUT_TOPIC", "from-env"), "input.topic", "from-file")
                .withOption(Setting.INPUT_TOPIC, "--topic", "from-option");

        assertThat(loader.topics().input()).isEqualTo("from-option");
    }

    @Test
    void anOptionNotGivenLeavesTheSettingAsTheEnvironmentFileOrDefaultSays() {
        assertThat(loader(Map.of("INPUT_TOPIC", "from-env")).withOption(Setting.INPUT_TOPIC, "--topic", null)
                .topics().input()).isEqualTo("from-env");
        assertThat(loader(Map.of(), "input.topic", "from-file").withOption(Setting.INPUT_TOPIC, "--topic", " ")
                .topics().input()).isEqualTo("from-file");
        assertThat(loader(Map.of()).withOption(Setting.INPUT_TOPIC, "--topic", null).topics().input())
                .isEqualTo(Setting.INPUT_TOPIC.defaultValue());
    }

    @Test
    void aMissingSettingNamesItsOptionBesideTheVariableAndTheProperty() {
        ConfigLoader loader = loader(Map.of()).withOption(Setting.KAFKA_BOOTSTRAP_SERVERS, "--bootstrap-servers", null);

        assertThatThrownBy(loader::bootstrapServers).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--bootstrap-servers").hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS")
                .hasMessageContaining("kafka.bootstrap.servers");
        assertThatThrownBy(() -> loader(Map.of()).bootstrapServers()).isInstanceOf(ConfigException.class)
                .hasMessageNotContaining("--bootstrap-servers");
    }

    @Test
    void anOptionsValueIsCheckedAsTheSettingsValueIs() {
        ConfigLoader loader = loader(Map.of()).withOption(Setting.INPUT_TOPIC, "--topic", "no spaces allowed");

        assertThatThrownBy(loader::topics).isInstanceOf(ConfigException.class).hasMessageContaining("INPUT_TOPIC");
    }

    @Test
    void overridesKeepTheOptionsNamedBefore() {
        ConfigLoader loader = loader(Map.of()).withOption(Setting.SCHEMA_REGISTRY_URL, "--registry", null)
                .withOverrides(Map.of(Setting.APPLICATION_ID, "replay-1"));

        assertThat(loader.applicationId()).isEqualTo("replay-1");
        assertThatThrownBy(loader::registry).hasMessageContaining("--registry");
    }

    @Test
    void theShortRegistryConstructorTakesEveryOtherValueFromTheSettingDefaults() {
        ServiceConfig.Registry loaded = loader(Map.of("SCHEMA_REGISTRY_URL", "mock://defaults-test")).registry();

        assertThat(new ServiceConfig.Registry("mock://defaults-test", Optional.empty(), true)).isEqualTo(loaded);
    }
}
