package news.wiretranslation.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class BoundedOriginalTest {
    @Test
    void anOriginalWithinTheBudgetIsKeptWhole() {
        byte[] original = new byte[1000];
        BoundedOriginal kept = BoundedOriginal.of("value", original, 1000);
        assertThat(kept.bytes()).isSameAs(original);
        assertThat(kept.truncated()).isFalse();
        assertThat(kept.note()).isEmpty();
    }

    @Test
    void aLargerOriginalKeepsItsPrefixAndTellsItsSizeAndChecksum() {
        byte[] original = new byte[200_000];
        Arrays.fill(original, (byte) 'a');
        BoundedOriginal kept = BoundedOriginal.of("value", original, 100_000);
        assertThat(kept.bytes()).hasSize(BoundedOriginal.PREFIX_BYTES);
        assertThat(kept.truncated()).isTrue();
        assertThat(kept.note()).contains("200000 bytes").contains(BoundedOriginal.sha256(original))
                .contains("first " + BoundedOriginal.PREFIX_BYTES + " bytes");
    }

    @Test
    void noOriginalStaysNone() {
        assertThat(BoundedOriginal.of("key", null, 10).bytes()).isNull();
    }
}
