package news.wiretranslation.translate.deepl;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.wiretranslation.glossary.ProtectedTerms;

/**
 * Marks protected terms for DeepL's XML tag handling and puts them back afterwards.
 *
 * <p>With {@code tag_handling=xml} and {@code ignore_tags=keep}, DeepL leaves the content of {@code <keep>} elements
 * untranslated. The whole text is then XML, so {@code & < >} are escaped. Each element carries its span's number
 * ({@code <keep i="0">The Times</keep>}); on the way back every element is replaced by the original span, so the term
 * comes back exactly as it was even if the engine touched the element's content, and the entities are decoded.
 */
final class ProtectedMarkup {
    static final String TAG = "keep";
    private static final Pattern ELEMENT = Pattern.compile("<" + TAG + " i=\"(\\d+)\"\\s*(?:/>|>.*?</" + TAG + ">)", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(?:#(\\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));");

    private ProtectedMarkup() {
    }

    /** The text as XML, its protected spans wrapped in numbered {@code <keep>} elements. */
    static String mark(String text, List<ProtectedTerms.Span> spans) {
        StringBuilder xml = new StringBuilder(text.length() + 32 * spans.size());
        int at = 0;
        for (int i = 0; i < spans.size(); i++) {
            ProtectedTerms.Span span = spans.get(i);
            escape(text.substring(at, span.start()), xml);
            xml.append('<').append(TAG).append(" i=\"").append(i).append("\">");
            escape(span.term(), xml);
            xml.append("</").append(TAG).append('>');
            at = span.end();
        }
        escape(text.substring(at), xml);
        return xml.toString();
    }

    /** The translated XML as plain text, each {@code <keep>} element replaced by the original span of its number. */
    static String unmark(String xml, List<ProtectedTerms.Span> spans) {
        Matcher m = ELEMENT.matcher(xml);
        StringBuilder out = new StringBuilder(xml.length());
        int at = 0;
        while (m.find()) {
            out.append(unescape(xml.substring(at, m.start())));
            int i = Integer.parseInt(m.group(1));
            out.append(i < spans.size() ? spans.get(i).term() : "");
            at = m.end();
        }
        out.append(unescape(xml.substring(at)));
        return out.toString();
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
    }

    static String unescape(String xml) {
        Matcher m = ENTITY.matcher(xml);
        StringBuilder out = new StringBuilder(xml.length());
        while (m.find()) {
            String replacement;
            if (m.group(1) != null) {
                replacement = new String(Character.toChars(Integer.parseInt(m.group(1))));
            } else if (m.group(2) != null) {
                replacement = new String(Character.toChars(Integer.parseInt(m.group(2), 16)));
            } else {
                replacement = switch (m.group(3)) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    default -> "'";
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
