package news.wiretranslation.registry;

import java.util.Map;

/**
 * How the serializer obtains the schema id it writes, under Confluent's setting names.
 *
 * <p>With {@code auto.register.schemas=true} (the default) it registers its schema, which suits development and
 * the demo. In production the schemas are usually registered by a pipeline ahead of deployment and the service runs
 * with {@code auto.register.schemas=false}: then it only looks its schema up, and a schema nobody registered stops
 * it with an error naming the subject. {@code use.latest.version=true} (only read when auto-registration is off)
 * writes with the id of the subject's latest version instead, which this implementation accepts only when that
 * version is the serializer's own schema.
 *
 * @param autoRegisterSchemas register the writer schema instead of looking it up
 * @param useLatestVersion    with auto-registration off, write with the subject's latest version
 */
public record AvroSerdeConfig(boolean autoRegisterSchemas, boolean useLatestVersion) {

    public static final String AUTO_REGISTER_SCHEMAS_CONFIG = "auto.register.schemas";
    public static final String USE_LATEST_VERSION_CONFIG = "use.latest.version";

    /** Confluent's defaults: register, do not use the latest version. */
    public static final AvroSerdeConfig DEFAULTS = new AvroSerdeConfig(true, false);

    /** Reads the settings, taking Confluent's defaults for the ones that are absent. */
    public static AvroSerdeConfig from(Map<String, ?> configs) {
        return from(configs, DEFAULTS);
    }

    /**
     * Reads the settings, keeping {@code fallback}'s value for each one that is absent: a serde wired in code can
     * still be adjusted by configuration.
     *
     * @throws IllegalArgumentException naming the setting whose value is not {@code true} or {@code false}
     */
    public static AvroSerdeConfig from(Map<String, ?> configs, AvroSerdeConfig fallback) {
        ConfigValues values = new ConfigValues(configs);
        return new AvroSerdeConfig(
                values.bool(AUTO_REGISTER_SCHEMAS_CONFIG).orElse(fallback.autoRegisterSchemas()),
                values.bool(USE_LATEST_VERSION_CONFIG).orElse(fallback.useLatestVersion()));
    }
}
