package news.wiretranslation.review.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import news.wiretranslation.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditorAccountsTest {
    private static final PasswordHasher HASHER = new PasswordHasher();

    @TempDir
    Path dir;

    private Path usersFile(String content) throws IOException {
        Path file = dir.resolve("editors");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void anEditorSignsInWithTheirPasswordOnly() throws IOException {
        EditorAccounts accounts = EditorAccounts.load(usersFile(
                "# editors\n\nada:" + HASHER.hash("right password") + "\ngrace : " + HASHER.hash("other") + "\n"));

        assertThat(accounts.authenticate("ada", "right password")).contains("ada");
        assertThat(accounts.authenticate(" grace ", "other")).contains("grace");
        assertThat(accounts.authenticate("ada", "wrong password")).isEmpty();
        assertThat(accounts.authenticate("ada", "other")).as("another editor's password").isEmpty();
        assertThat(accounts.authenticate("mallory", "right password")).isEmpty();
        assertThat(accounts.authenticate(null, "right password")).isEmpty();
    }

    @Test
    void aLineThatIsNotNameAndHashStopsStartUpNamingTheSettingAndTheLine() throws IOException {
        Path file = usersFile("ada:" + HASHER.hash("x") + "\nbob:plain-text-password\n");

        assertThatThrownBy(() -> EditorAccounts.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("REVIEW_USERS_FILE").hasMessageContaining("line 2")
                .hasMessageNotContaining("plain-text-password");
    }

    @Test
    void anEmptyFileOrAnEditorListedTwiceStopsStartUp() throws IOException {
        assertThatThrownBy(() -> EditorAccounts.load(usersFile("# nobody yet\n")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lists no editor");
        String hash = HASHER.hash("x");
        assertThatThrownBy(() -> EditorAccounts.load(usersFile("ada:" + hash + "\nada:" + hash + "\n")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'ada' is listed twice");
    }

    @Test
    void hashesAreBcryptAndSaltedAnew() {
        String first = HASHER.hash("secret");
        String second = HASHER.hash("secret");

        assertThat(PasswordHasher.isHash(first)).isTrue();
        assertThat(first).startsWith("$2a$12$").isNotEqualTo(second);
        assertThat(HASHER.matches("secret", second)).isTrue();
        assertThat(PasswordHasher.isHash("secret")).isFalse();
    }
}
