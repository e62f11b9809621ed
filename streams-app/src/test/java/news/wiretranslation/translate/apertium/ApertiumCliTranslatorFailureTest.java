package news.wiretranslation.translate.apertium;

import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationException.Kind;
import news.wiretranslation.translate.TranslationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * How {@link ApertiumCliTranslator} reports an {@code apertium} that is missing, fails, hangs or has no pairs. These
 * faults cannot be provoked in the real command, so a small shell script stands in for it: it lists the pair
 * {@code fr-es} for {@code -l} and then misbehaves as each test needs.
 */
class ApertiumCliTranslatorFailureTest {

    private static final TranslationRequest FR_ES = new TranslationRequest("fr", "ES", List.of("Bonjour"));

    @TempDir
    Path dir;

    @Test
    void reportsANonZeroExitAsUnavailableWithStderr() throws IOException {
        ApertiumCliTranslator translator = new ApertiumCliTranslator(settings(fakeApertium(
                "cat > /dev/null; echo 'lt-proc: cannot open fr-es.automorf.bin' >&2; exit 3")));

        assertThatThrownBy(() -> translator.translate(FR_ES))
                .isInstanceOfSatisfying(TranslationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.isRetriable()).isTrue();
                    assertThat(e.getMessage()).contains("exit status 3", "-u -f txt fr-es",
                            "lt-proc: cannot open fr-es.automorf.bin");
                });
    }

    @Test
    void killsAProcessThatOutlivesTheTimeoutWithItsChildrenAndReportsUnavailable() throws IOException {
        Path childPid = dir.resolve("child.pid");
        ApertiumCliTranslator translator = new ApertiumCliTranslator(settings(fakeApertium(
                "sleep 60 & echo $! > '" + childPid + "'; wait")).withTimeout(Duration.ofMillis(1500)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> translator.translate(FR_ES))
                .isInstanceOfSatisfying(TranslationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("timed out", "PT1.5S");
                });

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        long pid = Long.parseLong(Files.readString(childPid).strip());
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void reportsAMissingCommandAsUnavailableWithAnInstallHint() {
        ApertiumCliSettings missing = settings(dir.resolve("no-such-apertium").toString());
        ApertiumCliTranslator translator = new ApertiumCliTranslator(missing);

        assertThat(ApertiumCliTranslator.isInstalled(missing)).isFalse();
        assertThatThrownBy(translator::verify).isInstanceOfSatisfying(TranslationException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("no-such-apertium", "apt-get install apertium");
        });
        assertThatThrownBy(() -> translator.translate(FR_ES)).isInstanceOfSatisfying(TranslationException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
    }

    @Test
    void reportsAnInstallationWithoutPairsAsUnavailableRatherThanRejectingArticles() throws IOException {
        Path script = dir.resolve("apertium-without-pairs");
        Files.writeString(script, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        ApertiumCliSettings settings = settings(script.toString());
        ApertiumCliTranslator translator = new ApertiumCliTranslator(settings);

        assertThat(ApertiumCliTranslator.isInstalled(settings)).isFalse();
        assertThatThrownBy(translator::verify).isInstanceOfSatisfying(TranslationException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("no language pairs");
        });
        assertThatThrownBy(() -> translator.translate(FR_ES)).isInstanceOfSatisfying(TranslationException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
    }

    @Test
    void worksWithoutAVersionWhenTheCommandPrintsNone() throws Exception {
        ApertiumCliTranslator translator = new ApertiumCliTranslator(settings(fakeApertium("cat")));

        translator.verify();

        assertThat(translator.translate(FR_ES).engineModel()).isEqualTo("fr-es");
        assertThat(ApertiumCliTranslator.isInstalled(settings(fakeApertium("cat")))).isTrue();
    }

    /** An executable that lists fr-es for {@code -l}, prints no version for {@code -V}, else runs {@code translate}. */
    private String fakeApertium(String translate) throws IOException {
        Path script = Files.createTempFile(dir, "apertium-", ".sh");
        Files.writeString(script, "#!/bin/sh\n"
                + "for arg in \"$@\"; do\n"
                + "  case \"$arg\" in\n"
                + "    -l) echo '  fr-es'; exit 0 ;;\n"
                + "    -V) exit 0 ;;\n"
                + "  esac\n"
                + "done\n"
                + translate + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script.toString();
    }

    private static ApertiumCliSettings settings(String executable) {
        return new ApertiumCliSettings(executable, null, Duration.ofSeconds(10), 0);
    }
}
