package news.wiretranslation.cli;

import java.util.Optional;

import news.wiretranslation.config.Setting;

/**
 * The tools read the same environment variables as the service ({@link Setting}), so that one set of exports
 * serves {@code run}, {@code publish} and {@code tail} alike; a command-line option wins over the variable.
 */
final class EnvDefaults {
    private EnvDefaults() {
    }

    /** The option's value if given, else the environment variable, else the setting's default (may be empty). */
    static Optional<String> resolve(String optionValue, Setting setting) {
        if (optionValue != null && !optionValue.isBlank()) {
            return Optional.of(optionValue.trim());
        }
        String env = System.getenv(setting.env());
        if (env != null && !env.isBlank()) {
            return Optional.of(env.trim());
        }
        String fallback = setting.defaultValue();
        return fallback == null || fallback.isEmpty() ? Optional.empty() : Optional.of(fallback);
    }
}
