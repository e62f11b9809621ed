package news.wiretranslation.review.signin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import news.wiretranslation.config.ConfigException;
import news.wiretranslation.config.Setting;

/**
 * The editors who may sign in to the desk: {@code REVIEW_USERS_FILE}, one {@code name:bcrypt-hash} per line (blank
 * lines and lines starting with # are skipped). A malformed file stops start-up naming the setting and the line.
 */
public final class EditorAccounts {
    private final Map<String, String> hashes;
    private final PasswordHasher hasher;
    /** Checked when the name is unknown, so that a wrong name takes as long as a wrong password. */
    private final String decoy;

    private EditorAccounts(Map<String, String> hashes, PasswordHasher hasher) {
        this.hashes = Map.copyOf(hashes);
        this.hasher = hasher;
        this.decoy = hasher.hash("decoy password for unknown names");
    }

    public static EditorAccounts load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + Setting.REVIEW_USERS_FILE.env() + " " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).strip();
            String hash = colon < 0 ? "" : line.substring(colon + 1).strip();
            if (name.isEmpty() || !PasswordHasher.isHash(hash)) {
                throw new ConfigException(Setting.REVIEW_USERS_FILE.env() + " " + file + " line " + (i + 1)
                        + ": expected name:bcrypt-hash (make the hash with 'review hash-password')");
            }
            if (hashes.putIfAbsent(name, hash) != null) {
                throw new ConfigException(Setting.REVIEW_USERS_FILE.env() + " " + file + " line " + (i + 1)
                        + ": the editor '" + name + "' is listed twice");
            }
        }
        if (hashes.isEmpty()) {
            throw new ConfigException(Setting.REVIEW_USERS_FILE.env() + " " + file + " lists no editor");
        }
        return new EditorAccounts(hashes, new PasswordHasher());
    }

    /** The editor's name when the password is theirs. */
    public Optional<String> authenticate(String name, String password) {
        if (name == null || password == null) {
            return Optional.empty();
        }
        String hash = hashes.get(name.strip());
        boolean matches = hasher.matches(password, hash == null ? decoy : hash);
        return hash != null && matches ? Optional.of(name.strip()) : Optional.empty();
    }
}
