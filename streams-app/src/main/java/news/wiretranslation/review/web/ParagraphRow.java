package news.wiretranslation.review.web;

import java.util.List;

/**
 * One row of the side-by-side view: the original paragraph, its translation with the flagged spans marked, the
 * flags that could not be placed on a span, and whether the editor may change it (not the disclaimer).
 *
 * @param index the body paragraph's index, -1 for the headline
 */
public record ParagraphRow(int index, String source, String translation, List<Segment> segments,
                           List<String> otherFlags, boolean editable) {
    /** The form field that carries the edited text. */
    public String field() {
        return index < 0 ? "headline" : "p" + index;
    }
}
