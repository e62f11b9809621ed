package news.wiretranslation.article;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which items the service translates, by their IPTC nature (the ninjs {@code type}, RawArticle's {@code itemType}).
 *
 * <p>A text item ({@code text}, or no type: producers that send only text say nothing) is translated. A
 * {@code composite} or {@code component} item is a package (a press release with its logo, a story with its
 * pictures) whose text is the body: it is translated when the body has text, its other parts are not the service's
 * business. Every other nature (picture, video, audio, graphic, event, planning, and any a later ninjs adds) is not
 * an article: a caption or an event description translated and published as a text article would reach readers as a
 * story it is not. {@code publish} refuses such items, and the service dead-letters them as
 * {@link DeadLetterReason#NOT_TEXT}; one rule, here, for both.
 */
public final class ItemType {
    /** The nature of a text item. */
    public static final String TEXT = "text";
    private static final Set<String> PACKAGES = Set.of("composite", "component");

    private ItemType() {
    }

    /**
     * Why an item of this type and body is not translated, or empty when it is.
     *
     * @param itemType the IPTC nature as the producer gave it, or null
     * @param body     the article's body, or null
     */
    public static Optional<String> whyNotText(String itemType, String body) {
        if (itemType == null || itemType.isBlank()) {
            return Optional.empty();
        }
        String type = itemType.strip().toLowerCase(Locale.ROOT);
        if (type.equals(TEXT)) {
            return Optional.empty();
        }
        if (PACKAGES.contains(type)) {
            return body == null || body.isBlank()
                    ? Optional.of("item type '" + type + "' without a text body: only its text would be translated, and it has none")
                    : Optional.empty();
        }
        return Optional.of("item type '" + type + "' is not text: the service translates text items (type text, or "
                + "composite with a text body), not a " + type + "'s caption or description");
    }
}
