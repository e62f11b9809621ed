package news.wiretranslation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publish} with items that are not text (upstream IPTC examples): each is refused, named with its reason, and
 * the text items go on; the exit code says not everything was sent. {@code --dry-run}: no cluster needed.
 */
class PublishRefusesNonTextItemsTest {
    private static final Path EXAMPLES = Path.of("src/test/resources/ninjs");

    @TempDir
    Path dir;

    @Test
    void aVideoAndAnEventAreRefusedByNameAndTheTextItemIsStillRead() throws IOException {
        copy("2.1/ap_video.json", "a-video.json");
        copy("3.0/20231004-UEFA-ChampionLeague.json", "b-event.json");
        copy("3.0/dpa_text.json", "c-text.json");

        CommandRun run = CommandRun.of("publish", "--dry-run", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(WireTranslation.EXIT_FAILURE);
        assertThat(run.err())
                .contains("Refused " + dir.resolve("a-video.json") + ": item type 'video' is not text")
                .contains("Refused " + dir.resolve("b-event.json") + ": item type 'event' is not text")
                .contains("Refused 2 item(s) that are not text articles.")
                .doesNotContain("Nothing sent");
        assertThat(run.out()).contains("read  newsml-dpa-com-20090101-190510-99-167362  r2  de  Faktencheck Derby-Elfmeter")
                .contains("Dry run: 1 article(s) read, nothing sent.");
    }

    @Test
    void onlyItemsThatAreNotTextSendNothingAndSaySo() throws IOException {
        copy("3.0/ap_image.json", "picture.json");

        CommandRun run = CommandRun.of("publish", "--dry-run", dir.toString());

        assertThat(run.exitCode()).isEqualTo(WireTranslation.EXIT_FAILURE);
        assertThat(run.err()).contains("item type 'picture' is not text", "No text articles in the inputs; nothing sent.");
        assertThat(run.out()).doesNotContain("read  ");
    }

    @Test
    void aTextItemWithoutBodyIsReadAsHeadlineOnlyAndSaysSo() throws IOException {
        copy("1.4/ninjs-1-4-examples.json", "headline.json");

        CommandRun run = CommandRun.of("publish", "--dry-run", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Test of three new properties  (headline only: no body)");
    }

    private void copy(String example, String name) throws IOException {
        Files.copy(EXAMPLES.resolve(example), dir.resolve(name));
    }
}
