package news.wiretranslation.translate.deepl;

import news.wiretranslation.translate.TranslationException;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link RequestChunker}: DeepL's per-request limits, without a server. */
class RequestChunkerTest {

    @Test
    void keepsSmallRequestsWhole() throws TranslationException {
        assertThat(RequestChunker.chunk(List.of("a", "b"))).containsExactly(List.of("a", "b"));
        assertThat(RequestChunker.chunk(List.of())).isEmpty();
    }

    @Test
    void putsAtMost50TextsInOneChunk() throws TranslationException {
        List<List<String>> chunks = RequestChunker.chunk(Collections.nCopies(101, "x"));

        assertThat(chunks).extracting(List::size).containsExactly(50, 50, 1);
    }

    @Test
    void countsTheFormEncodedSizeNotTheCharacters() {
        assertThat(RequestChunker.encodedSize("abc")).isEqualTo("&text=abc".length());
        assertThat(RequestChunker.encodedSize("é")).isEqualTo("&text=%C3%A9".length());
        assertThat(RequestChunker.encodedSize("a b&c")).isEqualTo("&text=a+b%26c".length());
    }

    @Test
    void startsANewChunkBeforeTheBodyLimit() throws TranslationException {
        String third = "a".repeat(RequestChunker.MAX_TEXT_BYTES_PER_REQUEST / 3 - 10);

        List<List<String>> chunks = RequestChunker.chunk(List.of(third, third, third, third));

        assertThat(chunks).extracting(List::size).containsExactly(3, 1);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.stream().mapToLong(RequestChunker::encodedSize).sum())
                .isLessThanOrEqualTo(RequestChunker.MAX_TEXT_BYTES_PER_REQUEST));
    }

    @Test
    void acceptsATextThatFillsARequestAlone() throws TranslationException {
        String full = "a".repeat(RequestChunker.MAX_TEXT_BYTES_PER_REQUEST - "&text=".length());

        assertThat(RequestChunker.chunk(List.of("x", full, "y"))).extracting(List::size).containsExactly(1, 1, 1);
    }

    @Test
    void rejectsATextLargerThanOneRequest() {
        String tooLarge = "a".repeat(RequestChunker.MAX_TEXT_BYTES_PER_REQUEST);

        assertThatThrownBy(() -> RequestChunker.chunk(List.of("x", tooLarge)))
                .isInstanceOfSatisfying(TranslationException.class,
                        e -> assertThat(e.kind()).isEqualTo(TranslationException.Kind.REJECTED))
                .hasMessageContaining("text 2 of 2");
    }

    @Test
    void leavesRoomForTheOtherParametersWithin128KiB() {
        assertThat(RequestChunker.MAX_REQUEST_BODY_BYTES).isEqualTo(128 * 1024);
        assertThat(RequestChunker.MAX_TEXT_BYTES_PER_REQUEST + RequestChunker.RESERVED_PARAMETER_BYTES)
                .isEqualTo(RequestChunker.MAX_REQUEST_BODY_BYTES);
    }
}
