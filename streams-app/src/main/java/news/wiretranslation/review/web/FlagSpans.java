package news.wiretranslation.review.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import news.wiretranslation.avro.QualityFlag;

/**
 * Places quality flags on the text they concern: at their offset when the flagged text is there, else at its first
 * occurrence; a flag with no span in the text (a length ratio, a missing glossary term) is listed beside it.
 */
final class FlagSpans {
    private FlagSpans() {
    }

    record Placed(List<Segment> segments, List<String> unplaced) {
    }

    /** The flags about {@code paragraph} (-1: the headline) placed on {@code text}. */
    static Placed place(String text, int paragraph, List<QualityFlag> flags) {
        record Span(int start, int end, String message) {
        }
        List<Span> spans = new ArrayList<>();
        List<String> unplaced = new ArrayList<>();
        for (QualityFlag flag : flags) {
            if (flag.getParagraph() != paragraph) {
                continue;
            }
            String flagged = flag.getText();
            int start = -1;
            if (flagged != null && !flagged.isEmpty()) {
                int offset = flag.getOffset();
                start = offset >= 0 && text.startsWith(flagged, offset) ? offset : text.indexOf(flagged);
            }
            if (start < 0) {
                unplaced.add(flag.getMessage());
            } else {
                spans.add(new Span(start, start + flagged.length(), flag.getMessage()));
            }
        }
        spans.sort(Comparator.comparingInt(Span::start));
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        for (Span span : spans) {
            if (span.start() < at) {
                unplaced.add(span.message()); // overlaps a span already marked
                continue;
            }
            if (span.start() > at) {
                segments.add(new Segment(text.substring(at, span.start()), null));
            }
            segments.add(new Segment(text.substring(span.start(), span.end()), span.message()));
            at = span.end();
        }
        if (at < text.length()) {
            segments.add(new Segment(text.substring(at), null));
        }
        return new Placed(segments, unplaced);
    }
}
