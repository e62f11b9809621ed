package news.wiretranslation.review.web;

/** A piece of a paragraph as the item page shows it: plain, or marked with the quality flag about it. */
public record Segment(String text, String flag) {
    public boolean marked() {
        return flag != null;
    }
}
