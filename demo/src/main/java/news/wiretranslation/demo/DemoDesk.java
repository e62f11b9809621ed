package news.wiretranslation.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;

import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.review.ReviewDesk;
import news.wiretranslation.review.signin.PasswordHasher;

/**
 * The review desk in the demo: flagged translations go to a review topic instead of their output topic, and with
 * --keep-running the desk serves them on a free port of 127.0.0.1, for a demo editor with a password made for this
 * run.
 */
final class DemoDesk {
    static final String REVIEW_TOPIC = "articles.review";
    static final String EDITOR = "editor";
    private static final String LETTERS = "abcdefghijkmnpqrstuvwxyz23456789";

    private final Path usersFile;
    private final String password;

    private DemoDesk(Path usersFile, String password) {
        this.usersFile = usersFile;
        this.password = password;
    }

    /** Writes the demo editor's line (name:bcrypt-hash) into {@code dir}. */
    static DemoDesk prepare(Path dir) throws IOException {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            password.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        Path users = dir.resolve("review-desk-editors");
        Files.writeString(users, EDITOR + ":" + new PasswordHasher().hash(password) + "\n");
        return new DemoDesk(users, password.toString());
    }

    /** The service's and the desk's settings for the demo. */
    Map<String, String> settings() {
        return Map.of("QUALITY_REVIEW_TOPIC", REVIEW_TOPIC,
                "REVIEW_USERS_FILE", usersFile.toString(),
                "REVIEW_HTTP_PORT", "0");
    }

    ReviewDesk start(ServiceConfig config) {
        return ReviewDesk.start(config);
    }

    String signIn() {
        return EDITOR + " / " + password;
    }
}
