package news.wiretranslation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import news.wiretranslation.logging.LogFormat;
import org.junit.jupiter.api.Test;

class ObservabilitySettingsTest {
    private final Map<String, String> env = new HashMap<>(TestConfigs.baseSettings("127.0.0.1:9092", "mock://settings"));

    @Test
    void logsPlainTextOnLoopbackPort8080ByDefault() {
        ServiceConfig config = TestConfigs.load(env);

        assertThat(config.logFormat()).isEqualTo(LogFormat.PLAIN);
        assertThat(config.http()).isEqualTo(new ServiceConfig.Http("127.0.0.1", 8080));
    }

    @Test
    void takesJsonInAnyCase() {
        env.put("LOG_FORMAT", "JSON");

        assertThat(TestConfigs.load(env).logFormat()).isEqualTo(LogFormat.JSON);
    }

    @Test
    void refusesAnotherLogFormatNamingTheSetting() {
        env.put("LOG_FORMAT", "xml");

        assertThatThrownBy(() -> TestConfigs.load(env)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("LOG_FORMAT").hasMessageContaining("json or plain");
    }

    @Test
    void refusesAPortOutOfRangeNamingTheSetting() {
        env.put("HTTP_PORT", "70000");

        assertThatThrownBy(() -> TestConfigs.load(env)).isInstanceOf(ConfigException.class).hasMessageContaining("HTTP_PORT");
    }
}
