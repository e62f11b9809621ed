package news.wiretranslation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static Map<String, String> minimal() {
        return TestConfigs.baseSettings("127.0.0.1:9092", "http://127.0.0.1:8081");
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> env = new java.util.HashMap<>(minimal());
        env.put(key, value);
        return env;
    }

    @Test
    void defaultsApplyWhenOnlyTheRequiredSettingsAreGiven() {
        ServiceConfig config = TestConfigs.load(minimal());

        assertThat(config.applicationId()).isEqualTo("wire-translation");
        assertThat(config.topics().input()).isEqualTo("articles.raw");
        assertThat(config.topics().deadLetter()).isEqualTo("articles.dlq");
        assertThat(config.targetLanguages()).extracting(TargetLanguage::code).containsExactly("EN-US", "DE");
        assertThat(config.topics().output(config.targetLanguages().get(0))).isEqualTo("articles.normalized.en-us");
        assertThat(config.streams().processingGuarantee()).isEqualTo("exactly_once_v2");
        assertThat(config.sourceLanguages()).contains("fr", "de", "en", "uk", "ja").doesNotContain("ka");
        assertThat(config.detection().highAccuracy()).isFalse();
        assertThat(config.retry().maxAttempts()).isEqualTo(3);
    }

    @Test
    void missingBootstrapServersStopsStartUpNamingTheSetting() {
        Map<String, String> env = new java.util.HashMap<>(minimal());
        env.remove("KAFKA_BOOTSTRAP_SERVERS");

        assertThatThrownBy(() -> TestConfigs.load(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS")
                .hasMessageContaining("kafka.bootstrap.servers");
    }

    @Test
    void missingDeepLKeyNamesTheSetting() {
        Map<String, String> env = new java.util.HashMap<>(minimal());
        env.remove("DEEPL_AUTH_KEY");

        assertThatThrownBy(() -> TestConfigs.load(env)).hasMessageContaining("DEEPL_AUTH_KEY");
    }

    @Test
    void apertiumNeedsNoDeepLKey() {
        Map<String, String> env = with("TRANSLATOR", "apertium");
        env.remove("DEEPL_AUTH_KEY");

        ServiceConfig config = TestConfigs.load(env);

        assertThat(config.engine()).isEqualTo(ServiceConfig.Engine.APERTIUM);
        assertThat(config.deepL()).isEmpty();
        assertThat(config.apertium().apyUrl()).isEmpty();
        assertThatThrownBy(() -> TestConfigs.load(with("TRANSLATOR", "google")))
                .hasMessageContaining("TRANSLATOR").hasMessageContaining("deepl or apertium");
    }

    @Test
    void missingRulesOrDisclaimerFilesNameTheirSetting() {
        assertThatThrownBy(() -> TestConfigs.load(with("NORMALIZATION_RULES_FILE", "/no/such/rules")))
                .hasMessageContaining("NORMALIZATION_RULES_FILE").hasMessageContaining("readable file");
        assertThatThrownBy(() -> TestConfigs.load(with("DISCLAIMERS_FILE", "/no/such/file")))
                .hasMessageContaining("DISCLAIMERS_FILE");
    }

    @Test
    void malformedValuesNameTheSettingAndWhatWasExpected() {
        assertThatThrownBy(() -> TestConfigs.load(with("TARGET_LANGUAGES", "english")))
                .hasMessageContaining("TARGET_LANGUAGES").hasMessageContaining("'english'");
        assertThatThrownBy(() -> TestConfigs.load(with("NUM_STREAM_THREADS", "0")))
                .hasMessageContaining("NUM_STREAM_THREADS").hasMessageContaining("positive");
        assertThatThrownBy(() -> TestConfigs.load(with("PROCESSING_GUARANTEE", "exactly_once")))
                .hasMessageContaining("PROCESSING_GUARANTEE");
        assertThatThrownBy(() -> TestConfigs.load(with("DETECTION_MIN_CONFIDENCE", "1.5")))
                .hasMessageContaining("DETECTION_MIN_CONFIDENCE");
        assertThatThrownBy(() -> TestConfigs.load(with("SOURCE_LANGUAGES", "fr,xx")))
                .hasMessageContaining("SOURCE_LANGUAGES").hasMessageContaining("xx");
        assertThatThrownBy(() -> TestConfigs.load(with("DEEPL_SERVER_URL", "ftp://x")))
                .hasMessageContaining("DEEPL_SERVER_URL");
        assertThatThrownBy(() -> TestConfigs.load(with("INPUT_TOPIC", "bad topic")))
                .hasMessageContaining("INPUT_TOPIC");
    }

    @Test
    void secretsNeverAppearInErrorsOrToString() {
        assertThatThrownBy(() -> TestConfigs.load(with("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "no-colon-secret")))
                .hasMessageContaining("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO")
                .hasMessageNotContaining("no-colon-secret");
        ServiceConfig config = TestConfigs.load(with("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "user:s3cret"));
        assertThat(config.toString()).doesNotContain("s3cret").doesNotContain("test-key:fx");
    }

    @Test
    void environmentWinsOverThePropertiesFileWhichWinsOverDefaults(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("service.properties");
        Files.writeString(file, "application.id=from-file\ndlq.topic=file.dlq\n");
        Map<String, String> env = with("APPLICATION_ID", "from-env");

        ServiceConfig config = new ConfigLoader(env, ConfigLoader.readProperties(file)).load();

        assertThat(config.applicationId()).isEqualTo("from-env");
        assertThat(config.topics().deadLetter()).isEqualTo("file.dlq");
        assertThat(config.topics().input()).isEqualTo("articles.raw");
    }

    @Test
    void unreadablePropertiesFileIsReportedWithItsPath(@TempDir Path dir) {
        Path missing = dir.resolve("nope.properties");

        assertThatThrownBy(() -> ConfigLoader.fromEnvironment(Optional.of(missing)))
                .isInstanceOf(ConfigException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void targetLanguagesAreNormalizedAndDeduplicated() {
        ServiceConfig config = TestConfigs.load(with("TARGET_LANGUAGES", "en-us, de ,DE,pt-br"));

        assertThat(config.targetLanguages()).extracting(TargetLanguage::code).containsExactly("EN-US", "DE", "PT-BR");
        assertThat(config.targetLanguages()).extracting(TargetLanguage::bcp47).containsExactly("en-US", "de", "pt-BR");
    }

    @Test
    void emptyPropertiesObjectIsAcceptedAsNoFile() {
        assertThat(new ConfigLoader(minimal(), new Properties()).load().bootstrapServers()).isEqualTo("127.0.0.1:9092");
    }
}
