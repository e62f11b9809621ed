package news.wiretranslation.feed;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a ninjs property under whichever of its names the item's version uses ({@code copyrightholder} in 1.x and
 * 2.x, {@code copyrightHolder} in 3.x): the parser asks for a property once, with every name it goes by.
 */
final class NinjsFields {

    private NinjsFields() {
    }

    /** The first of the named properties present as a non-blank string or number. */
    static Optional<String> text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                return Optional.of(value.asText());
            }
        }
        return Optional.empty();
    }

    /** Whether a value is a string with something in it. */
    static boolean hasText(JsonNode value) {
        return value.isTextual() && !value.asText().isBlank();
    }
}
