package news.wiretranslation.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import news.wiretranslation.avro.QualityFlag;
import org.junit.jupiter.api.Test;

class FlagSpansTest {
    private static QualityFlag flag(String text, int paragraph, int offset, String message) {
        return QualityFlag.newBuilder().setCode("UNTRANSLATED_FRAGMENT").setMessage(message).setText(text)
                .setParagraph(paragraph).setOffset(offset).build();
    }

    @Test
    void aFlagIsMarkedAtItsOffsetAndTheRestStaysPlain() {
        String text = "The unions denounced des mesures injustes for modest households.";

        FlagSpans.Placed placed = FlagSpans.place(text, 1, List.of(flag("des mesures injustes", 1, 21, "left in French"),
                flag("other", 2, 0, "another paragraph's")));

        assertThat(placed.segments()).containsExactly(new Segment("The unions denounced ", null),
                new Segment("des mesures injustes", "left in French"), new Segment(" for modest households.", null));
        assertThat(placed.unplaced()).isEmpty();
    }

    @Test
    void aFlagWhoseOffsetNoLongerFitsIsMarkedWhereItsTextIsAndOneWithoutTextIsListed() {
        String text = "Budget: des mesures injustes, say unions.";

        FlagSpans.Placed placed = FlagSpans.place(text, 0, List.of(flag("des mesures injustes", 0, 30, "left in French"),
                QualityFlag.newBuilder().setCode("GLOSSARY_TERM_MISSING").setMessage("'budget' should be 'spending plan'")
                        .setParagraph(0).build()));

        assertThat(placed.segments()).extracting(Segment::text)
                .containsExactly("Budget: ", "des mesures injustes", ", say unions.");
        assertThat(placed.unplaced()).containsExactly("'budget' should be 'spending plan'");
    }
}
