package news.wiretranslation.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import news.wiretranslation.article.DeadLetterReason;
import org.junit.jupiter.api.Test;

/** What is remembered of a refused output, for how long, and how it is found again. */
class OutputRefusalsTest {
    private static final OutputRefusals.Refusal TOO_LARGE = new OutputRefusals.Refusal(DeadLetterReason.OUTPUT_TOO_LARGE,
            "articles.normalized.de", 145_518, "The request included a message larger than the max message size");

    private final OutputRefusals refusals = new OutputRefusals();

    @Test
    void aRefusalIsFoundByStoryRevisionAndTargetLanguageWhateverTheTagsCase() {
        refusals.remember("story", 3, "de", TOO_LARGE);

        assertThat(refusals.find("story", 3, "DE")).contains(TOO_LARGE);
        assertThat(refusals.find("story", 4, "de")).isEmpty();
        assertThat(refusals.find("story", 3, "en-US")).isEmpty();
        assertThat(refusals.find("other", 3, "de")).isEmpty();
    }

    @Test
    void aRefusalStaysAfterItWasFoundSoThatAnotherAbortedTransactionDoesNotPublishTheArticle() {
        refusals.remember("story", 3, "de", TOO_LARGE);
        refusals.find("story", 3, "de");

        assertThat(refusals.find("story", 3, "de")).contains(TOO_LARGE);
    }

    @Test
    void theOldestRefusalsAreForgottenBeyondTheCapacity() {
        for (int i = 0; i <= OutputRefusals.CAPACITY; i++) {
            refusals.remember("story-" + i, 1, "de", TOO_LARGE);
        }

        assertThat(refusals.find("story-0", 1, "de")).isEmpty();
        assertThat(refusals.find("story-1", 1, "de")).isPresent();
        assertThat(refusals.find("story-" + OutputRefusals.CAPACITY, 1, "de")).isPresent();
    }

    @Test
    void theDeadLettersMessageNamesTheTopicTheSizeAndTheBrokersCause() {
        assertThat(TOO_LARGE.message()).contains("articles.normalized.de").contains("145518 bytes")
                .contains("larger than the max message size").contains("aborted");
    }
}
