package news.wiretranslation.config;

/** A setting is missing or malformed. The message names the setting, so the operator knows what to fix. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    static ConfigException invalid(Setting setting, String value, String expected) {
        String shown = setting.isSecret() ? "<hidden>" : "'" + value + "'";
        return new ConfigException("Invalid setting " + setting.env() + "=" + shown + ": " + expected);
    }
}
