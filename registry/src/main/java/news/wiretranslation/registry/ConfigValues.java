package news.wiretranslation.registry;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.types.Password;

/**
 * Reads typed settings out of a Kafka-style {@code Map<String, ?>}, whose values may be strings (from a properties
 * file), already-typed objects (from code), lists, or Kafka {@link Password}s.
 *
 * <p>Every error is an {@link IllegalArgumentException} that names the setting, so that an operator knows which line
 * to fix; values of secret settings are never echoed.
 */
final class ConfigValues {

    private final Map<String, ?> configs;

    ConfigValues(Map<String, ?> configs) {
        this.configs = configs == null ? Map.of() : configs;
    }

    /** The trimmed text of a setting; empty when absent or blank. Lists are joined with commas. */
    Optional<String> string(String key) {
        Object value = configs.get(key);
        String text;
        if (value == null) {
            return Optional.empty();
        } else if (value instanceof Password password) {
            text = password.value();
        } else if (value instanceof Collection<?> list) {
            text = list.stream().map(String::valueOf).collect(Collectors.joining(","));
        } else {
            text = value.toString();
        }
        text = text.trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** A boolean setting: {@code true}/{@code false} in any case, or a {@link Boolean}. */
    Optional<Boolean> bool(String key) {
        Object value = configs.get(key);
        if (value instanceof Boolean flag) {
            return Optional.of(flag);
        }
        return string(key).map(text -> {
            if (text.equalsIgnoreCase("true")) {
                return true;
            }
            if (text.equalsIgnoreCase("false")) {
                return false;
            }
            throw new IllegalArgumentException("Invalid value '" + text + "' for " + key + ": expected true or false");
        });
    }

    /** A whole number of milliseconds greater than zero. */
    Optional<Long> positiveMillis(String key) {
        Object value = configs.get(key);
        if (value instanceof Number number) {
            return Optional.of(requirePositive(key, number.longValue()));
        }
        return string(key).map(text -> {
            try {
                return requirePositive(key, Long.parseLong(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid value '" + text + "' for " + key
                        + ": expected a number of milliseconds", e);
            }
        });
    }

    /** A whole number of milliseconds, zero or more. */
    Optional<Long> nonNegativeMillis(String key) {
        return wholeNumber(key, "a number of milliseconds", 0);
    }

    /** A count, zero or more. */
    Optional<Integer> nonNegativeInt(String key) {
        return wholeNumber(key, "a whole number", 0).map(value -> {
            if (value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("Invalid value " + value + " for " + key + ": too large");
            }
            return value.intValue();
        });
    }

    private Optional<Long> wholeNumber(String key, String expected, long minimum) {
        Object value = configs.get(key);
        Optional<Long> number;
        if (value instanceof Number n) {
            number = Optional.of(n.longValue());
        } else {
            number = string(key).map(text -> {
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Invalid value '" + text + "' for " + key + ": expected " + expected, e);
                }
            });
        }
        number.ifPresent(n -> {
            if (n < minimum) {
                throw new IllegalArgumentException("Invalid value " + n + " for " + key + ": must be at least " + minimum);
            }
        });
        return number;
    }

    private static long requirePositive(String key, long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("Invalid value " + millis + " for " + key + ": must be greater than 0");
        }
        return millis;
    }
}
