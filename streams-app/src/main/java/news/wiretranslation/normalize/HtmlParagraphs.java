package news.wiretranslation.normalize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Extracts the paragraphs of an HTML body (a fragment or a whole page) as plain text.
 *
 * <p>The HTML is only parsed, with jsoup, into a tree: nothing is rendered, no script runs, nothing is fetched.
 *
 * <ul>
 *   <li>Elements that never carry article text are removed with their content: scripts, styles, templates,
 *       navigation, page header and footer, asides, forms and their controls, embedded frames and media, SVG.
 *       Comments are never text.</li>
 *   <li>When the page has {@code <article>} elements, the one with the most text is the body (a page may also
 *       carry small teaser articles); otherwise {@code <main>}; otherwise the whole {@code <body>}.</li>
 *   <li>Every block element (p, h1-h6, li, blockquote, pre, dd, dt, figcaption, td, div, ...) starts and ends a
 *       paragraph; the text between block boundaries, including text placed directly in a div, is one paragraph.
 *       Inline elements (a, b, em, span, ...) only contribute their text; {@code <br>} is a space.</li>
 *   <li>Words stay apart where the markup separates them: two inline elements side by side whose texts would touch
 *       ({@code <a>lien</a><a>suite</a>}, typical of tag lists and link rows) get a space between them, and a
 *       CDATA section is read as text with a boundary on each side. An inline element next to bare text is not
 *       separated ({@code <b>W</b>ord}, {@code <i>un</i>believable}): a browser renders that as one word, and so
 *       do editors' drop caps and partial emphasis.</li>
 *   <li>The text of the first {@code <h1>} or {@code <h2>} is reported beside the paragraphs, so that the caller
 *       can drop it when it only repeats the headline.</li>
 * </ul>
 *
 * <p>The paragraphs returned are raw (entities decoded, whitespace not yet collapsed): {@link TextCleaner} is
 * applied by the caller, which also drops the ones left empty.
 */
final class HtmlParagraphs {

    /** Elements removed together with everything inside them. */
    private static final String NON_CONTENT = String.join(",",
            "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe",
            "svg", "button", "select", "textarea", "object", "embed", "canvas", "audio", "video", "dialog");

    private static final Set<String> BLOCKS = Set.of(
            "html", "body", "article", "main", "section", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup",
            "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "figure", "figcaption", "table", "caption",
            "thead", "tbody", "tfoot", "tr", "td", "th", "address", "details", "summary", "fieldset", "legend",
            "hr", "center");

    private HtmlParagraphs() {
    }

    /**
     * The paragraphs of an HTML body, and the text of its first h1 or h2.
     *
     * @param paragraphs   raw paragraph texts in order
     * @param firstHeading the raw text of the first h1 or h2, as it appears in {@code paragraphs}; null when none
     */
    record Extracted(List<String> paragraphs, String firstHeading) {
    }

    static List<String> extract(String html) {
        return read(html).paragraphs();
    }

    static Extracted read(String html) {
        if (html == null || html.isBlank()) {
            return new Extracted(new ArrayList<>(), null);
        }
        Document document = Jsoup.parse(html);
        document.select(NON_CONTENT).remove();
        Collector collector = new Collector();
        NodeTraversor.traverse(collector, contentRoot(document));
        collector.flush();
        return new Extracted(collector.paragraphs, collector.firstHeading);
    }

    private static Element contentRoot(Document document) {
        Elements articles = document.select("article");
        if (!articles.isEmpty()) {
            return articles.stream().max(Comparator.comparingInt(a -> a.text().length())).orElseThrow();
        }
        Element main = document.selectFirst("main");
        return main != null ? main : document.body();
    }

    /** Walks the tree (iteratively, so deep nesting cannot overflow the stack) and cuts paragraphs at blocks. */
    private static final class Collector implements NodeVisitor {
        final List<String> paragraphs = new ArrayList<>();
        String firstHeading;
        private final StringBuilder current = new StringBuilder();
        private Element headingOpen;
        private boolean headingSeen;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof CDataNode cdata) {
                current.append(' ').append(cdata.getWholeText()).append(' ');
            } else if (node instanceof TextNode text) {
                current.append(text.getWholeText());
            } else if (node instanceof Element element) {
                String name = element.normalName();
                if (BLOCKS.contains(name)) {
                    flush();
                    if (!headingSeen && isTopHeading(name)) {
                        headingSeen = true;
                        headingOpen = element;
                    }
                } else if (name.equals("br")) {
                    current.append(' ');
                } else if (element.previousSibling() instanceof Element previous
                        && !BLOCKS.contains(previous.normalName()) && wouldTouch()) {
                    current.append(' ');
                }
            }
            // Comments, doctypes and data nodes carry no article text.
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                if (element == headingOpen && !current.toString().isBlank()) {
                    firstHeading = current.toString();
                }
                flush();
            }
        }

        /** True when the text so far ends in a character that the next element's text would be glued to. */
        private boolean wouldTouch() {
            return current.length() > 0 && !Character.isWhitespace(current.charAt(current.length() - 1));
        }

        private static boolean isTopHeading(String name) {
            return name.equals("h1") || name.equals("h2");
        }

        void flush() {
            if (!current.toString().isBlank()) {
                paragraphs.add(current.toString());
            }
            current.setLength(0);
        }
    }
}
