package news.wiretranslation.review.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import io.javalin.http.Context;

/**
 * What the desk keeps in an editor's session (Jetty's, in memory; the cookie is HttpOnly and SameSite=Strict): who
 * signed in, the synchronizer token every form carries against cross-site request forgery, and a one-time notice.
 */
final class DeskSession {
    private static final String EDITOR = "editor";
    private static final String CSRF = "csrf";
    private static final String NOTICE = "notice";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DeskSession() {
    }

    static String editor(Context ctx) {
        return ctx.sessionAttribute(EDITOR);
    }

    /** Signs the editor in on a new session id (no fixation), with a new token. */
    static void signIn(Context ctx, String editor) {
        ctx.req().getSession(true);
        ctx.req().changeSessionId();
        ctx.sessionAttribute(EDITOR, editor);
        ctx.sessionAttribute(CSRF, newToken());
    }

    static void signOut(Context ctx) {
        var session = ctx.req().getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /** The session's form token, made on first use (the sign-in form needs one before anyone has signed in). */
    static String csrfToken(Context ctx) {
        String token = ctx.sessionAttribute(CSRF);
        if (token == null) {
            token = newToken();
            ctx.sessionAttribute(CSRF, token);
        }
        return token;
    }

    /** Whether the form's token is this session's, compared in constant time. */
    static boolean carriesToken(Context ctx, String formToken) {
        var session = ctx.req().getSession(false);
        String expected = session == null ? null : (String) session.getAttribute(CSRF);
        return expected != null && formToken != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), formToken.getBytes(StandardCharsets.US_ASCII));
    }

    static void notice(Context ctx, String notice) {
        ctx.sessionAttribute(NOTICE, notice);
    }

    /** The notice left for this page, shown once. */
    static String takeNotice(Context ctx) {
        var session = ctx.req().getSession(false);
        if (session == null) {
            return null;
        }
        String notice = (String) session.getAttribute(NOTICE);
        session.removeAttribute(NOTICE);
        return notice;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
