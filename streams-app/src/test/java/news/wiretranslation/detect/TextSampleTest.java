package news.wiretranslation.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextSampleTest {

    @Test
    void shortTextIsKept() {
        assertThat(TextSample.head("short text", 10)).isEqualTo("short text");
    }

    @Test
    void cutsAtTheLastWhitespaceBeforeTheLimit() {
        assertThat(TextSample.head("alpha beta gamma", 8)).isEqualTo("alpha");
        assertThat(TextSample.head("alpha beta gamma", 10)).isEqualTo("alpha beta");
    }

    @Test
    void cutsTextWithoutSpacesAtTheLimitButNotInsideASurrogatePair() {
        assertThat(TextSample.head("政府今天宣布了新的措施", 4)).isEqualTo("政府今天");
        assertThat(TextSample.head("ab\uD83D\uDE00cd", 3)).isEqualTo("ab");
    }
}
