package news.wiretranslation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PriceSettingsTest {
    private final Map<String, String> env = new HashMap<>(TestConfigs.baseSettings("127.0.0.1:9092", "mock://settings"));

    @Test
    void deepLCostsItsPublishedPriceAndSelfHostedApertiumNothingByDefault() {
        ServiceConfig.Prices prices = TestConfigs.load(env).prices();

        assertThat(prices.perMillion(ServiceConfig.Engine.DEEPL)).isEqualTo(25);
        assertThat(prices.perMillion(ServiceConfig.Engine.APERTIUM)).isZero();
    }

    @Test
    void takesTheContractsPrices() {
        env.put("DEEPL_PRICE_PER_MILLION_CHARACTERS", "20.5");
        env.put("APERTIUM_PRICE_PER_MILLION_CHARACTERS", "1.25");

        ServiceConfig.Prices prices = TestConfigs.load(env).prices();

        assertThat(prices.deepLPerMillion()).isEqualTo(20.5);
        assertThat(prices.apertiumPerMillion()).isEqualTo(1.25);
    }

    @Test
    void refusesANegativeOrUnreadablePriceNamingTheSetting() {
        env.put("DEEPL_PRICE_PER_MILLION_CHARACTERS", "-3");
        assertThatThrownBy(() -> TestConfigs.load(env)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("DEEPL_PRICE_PER_MILLION_CHARACTERS").hasMessageContaining("0 or more");

        env.remove("DEEPL_PRICE_PER_MILLION_CHARACTERS");
        env.put("APERTIUM_PRICE_PER_MILLION_CHARACTERS", "free");
        assertThatThrownBy(() -> TestConfigs.load(env)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("APERTIUM_PRICE_PER_MILLION_CHARACTERS");
    }
}
