package news.wiretranslation.translate.apertium;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Joining texts into one Apertium input and splitting the output back, in {@link ParagraphBatch}. */
class ParagraphBatchTest {

    @Test
    void separatesTextsWithNumberedMarkerLinesBetweenBlankLines() {
        assertThat(ParagraphBatch.join(List.of("Un.", "Deux.", "Trois.")))
                .isEqualTo("Un.\n\n.||1||.\n\nDeux.\n\n.||2||.\n\nTrois.\n");
    }

    @Test
    void splitsWhatItJoinedBackIntoTheSameTexts() {
        List<String> texts = IntStream.rangeClosed(1, 40).mapToObj(i -> "Paragraphe " + i + " : « l'été ».").toList();

        assertThat(ParagraphBatch.split(ParagraphBatch.join(texts), texts.size())).contains(texts);
    }

    @Test
    void keepsLineBreaksAndBlankLinesInsideATextAndStripsItsOuterWhitespace() {
        String output = "  ligne 1\nligne 2\n\nligne 3 \n\n.||1||.\n\n\n  seul  \n";

        assertThat(ParagraphBatch.split(output, 2)).contains(List.of("ligne 1\nligne 2\n\nligne 3", "seul"));
    }

    @Test
    void toleratesSpacesAroundAMarkerAndCarriageReturns() {
        assertThat(ParagraphBatch.split("a\r\n\r\n  .||1||.  \r\n\r\nb\r\n", 2)).contains(List.of("a", "b"));
    }

    @Test
    void reportsAMissingMarkerInsteadOfShiftingTexts() {
        assertThat(ParagraphBatch.split("a\n\n.||1||.\n\nb c\n", 3)).isEmpty();
    }

    @Test
    void reportsAnExtraMarkerSuchAsOneInsideAText() {
        String joined = ParagraphBatch.join(List.of("a\n\n.||1||.\n\nstill a", "b"));

        assertThat(ParagraphBatch.split(joined, 2)).isEmpty();
    }

    @Test
    void reportsMarkersOutOfOrder() {
        assertThat(ParagraphBatch.split("a\n\n.||2||.\n\nb\n\n.||1||.\n\nc", 3)).isEmpty();
    }

    @Test
    void leavesMarkerLikeTextThatIsNotAWholeLineAlone() {
        assertThat(ParagraphBatch.split("il a écrit .||1||. ici\n\n.||1||.\n\nb", 2))
                .contains(List.of("il a écrit .||1||. ici", "b"));
    }

    @Test
    void splitsASingleTextWithoutMarkers() {
        assertThat(ParagraphBatch.split("seul\n", 1)).contains(List.of("seul"));
        assertThat(ParagraphBatch.split("seul\n\n.||1||.\n\nautre", 1)).isEmpty();
    }
}
