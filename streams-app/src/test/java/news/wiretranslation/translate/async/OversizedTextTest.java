package news.wiretranslation.translate.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import news.wiretranslation.translate.TranslationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A single paragraph larger than one DeepL request (128 KiB) is sent in pieces and comes back whole, in order. */
class OversizedTextTest {
    private static final long LIMIT = BatchLimits.DEEPL.maxTextBytes();
    private TranslationDispatcher dispatcher;

    @AfterEach
    void close() {
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    private static String paragraph(int sentences) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            text.append("Le ministère a précisé, dans sa phrase numéro ").append(i)
                    .append(", que les économies prévues étaient réparties entre les collectivités. ");
        }
        return text.toString().strip();
    }

    @Test
    void aTwoHundredKilobyteParagraphIsSplitAtSentenceEndsIntoPiecesThatFitOneRequest() {
        String text = paragraph(2_400);
        assertThat(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(200_000);

        OversizedText split = OversizedText.split(text, LIMIT);

        assertThat(split.pieces()).hasSizeGreaterThan(1);
        assertThat(split.pieces()).allSatisfy(piece -> {
            assertThat(BatchLimits.encodedSize(piece)).isLessThanOrEqualTo(LIMIT);
            assertThat(piece).endsWith("collectivités.");
        });
        assertThat(split.join(split.pieces())).as("joined again, the pieces are the text").isEqualTo(text);
    }

    @Test
    void aParagraphWithoutSentenceEndsOrSpacesIsCutBetweenCharactersNeverInsideASurrogatePair() {
        String text = "𝔸é".repeat(30_000); // no sentence end, no space; 4-byte and 2-byte characters
        OversizedText split = OversizedText.split(text, LIMIT);

        assertThat(split.pieces()).allSatisfy(piece -> {
            assertThat(BatchLimits.encodedSize(piece)).isLessThanOrEqualTo(LIMIT);
            assertThat(Character.isLowSurrogate(piece.charAt(0))).isFalse();
        });
        assertThat(String.join("", split.pieces())).isEqualTo(text);
    }

    @Test
    void theDispatcherTranslatesAnOversizedParagraphInPiecesAndReassemblesItInOrder() throws Exception {
        ScriptedEngine engine = new ScriptedEngine();
        dispatcher = new TranslationDispatcher(engine, new DispatcherSettings(4, BatchLimits.DEEPL,
                Duration.ofMillis(5), 1000, Duration.ofMillis(10), Duration.ofMillis(100)));
        String huge = paragraph(2_400);
        String small = "Une phrase courte.";

        List<TextResult> results = dispatcher.trySubmit(new Lane("fr", "EN-US"), List.of(small, huge), 5,
                Duration.ofSeconds(5)).orElseThrow().result().get(30, TimeUnit.SECONDS);

        OversizedText split = OversizedText.split(huge, LIMIT);
        assertThat(results.get(0).text()).isEqualTo("[EN-US] " + small);
        assertThat(results.get(1).text()).isEqualTo(String.join(" ", split.pieces().stream().map(p -> "[EN-US] " + p).toList()));
        assertThat(results.get(1).billedCharacters()).isEqualTo(split.pieces().stream().mapToLong(String::length).sum());
        assertThat(engine.requests()).allSatisfy(request -> assertThat(request.texts().stream()
                .mapToLong(BatchLimits::encodedSize).sum()).isLessThanOrEqualTo(LIMIT));
        assertThat(engine.requests().stream().mapToInt(r -> r.texts().size()).sum()).isEqualTo(1 + split.pieces().size());
    }
}
