package news.wiretranslation.review.signin;

import java.util.regex.Pattern;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Editors' password hashes: BCrypt (Spring Security's implementation), cost 12 (2^12 rounds, OWASP's suggested
 * minimum is 10): slow enough to make guessing from a stolen users file expensive, quick enough for a sign-in, which
 * happens once a working day.
 */
public final class PasswordHasher {
    /** $2a$, $2b$ or $2y$, a two-digit cost, 53 characters of salt and hash. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    private static final int COST = 12;

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(COST);

    public String hash(CharSequence password) {
        return encoder.encode(password);
    }

    public boolean matches(CharSequence password, String hash) {
        return encoder.matches(password, hash);
    }

    public static boolean isHash(String text) {
        return BCRYPT.matcher(text).matches();
    }
}
