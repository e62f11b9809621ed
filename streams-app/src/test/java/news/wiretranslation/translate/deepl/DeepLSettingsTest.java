package news.wiretranslation.translate.deepl;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeepLSettingsTest {

    @Test
    void hidesTheKeyInItsDescription() {
        DeepLSettings settings = new DeepLSettings("abc-secret:fx", "http://127.0.0.1:1", Duration.ofSeconds(3), null);

        assertThat(settings.toString()).doesNotContain("abc-secret").contains("http://127.0.0.1:1").contains("PT3S");
    }

    @Test
    void namesTheSettingWhenTheKeyIsMissing() {
        assertThatThrownBy(() -> DeepLSettings.of(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DEEPL_AUTH_KEY");
    }

    @Test
    void fillsInDefaults() {
        DeepLSettings settings = new DeepLSettings("k", " ", null, "");

        assertThat(settings.serverUrl()).isNull();
        assertThat(settings.modelType()).isNull();
        assertThat(settings.timeout()).isEqualTo(DeepLSettings.DEFAULT_TIMEOUT);
    }

    @Test
    void refusesANonPositiveTimeout() {
        assertThatThrownBy(() -> new DeepLSettings("k", null, Duration.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
