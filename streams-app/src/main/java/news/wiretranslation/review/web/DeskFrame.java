package news.wiretranslation.review.web;

import java.util.List;

/**
 * What every page around its content shows: who is signed in (null on the sign-in page), the session's token for
 * forms, the target languages to switch between, and a one-line notice after a decision or an error.
 */
public record DeskFrame(String editor, String csrf, List<String> languages, String notice, boolean signOut) {
}
