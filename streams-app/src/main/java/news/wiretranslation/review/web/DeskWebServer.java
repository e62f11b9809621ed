package news.wiretranslation.review.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.ReviewAction;
import news.wiretranslation.avro.ReviewRequest;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.review.decision.ReviewedArticle;
import news.wiretranslation.review.queue.ItemKey;
import news.wiretranslation.review.queue.ReviewQueue;
import news.wiretranslation.review.signin.EditorAccounts;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's web side (Javalin on Jetty): sign-in, the queue per target language, one item side by side, and the
 * decisions, which it writes as requests to Kafka for the desk's processor to apply. Nobody sees anything without
 * signing in (or, when configured, without the reverse proxy's header); every POST carries the session's token.
 */
public final class DeskWebServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeskWebServer.class);
    private static final Set<String> OPEN_PATHS = Set.of("/signin", "/desk.css");
    /** Who may read and what may load: this server's own stylesheet and forms, nothing else, no framing. */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final ServiceConfig.Review settings;
    private final List<String> languages;
    private final ReviewQueue queue;
    private final DecisionSender sender;
    private final Optional<EditorAccounts> accounts;
    private final ItemPages itemPages;
    private final Pages pages = new Pages();
    private final Clock clock;
    private final byte[] stylesheet;
    private final Javalin app;

    private DeskWebServer(ServiceConfig config, ReviewQueue queue, DecisionSender sender,
                          Optional<EditorAccounts> accounts, ReviewedArticle reviewed, Clock clock) {
        this.settings = config.review();
        this.languages = config.targetLanguages().stream().map(TargetLanguage::bcp47).toList();
        this.queue = queue;
        this.sender = sender;
        this.accounts = accounts;
        this.itemPages = new ItemPages(reviewed);
        this.clock = clock;
        this.stylesheet = resource("/review/desk.css");
        this.app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.jetty.modifyServletContextHandler(handler -> handler.setSessionHandler(sessions(settings)));
            javalin.routes.before(this::guard);
            // While Kafka Streams (re)assigns the desk's tasks, its queue store cannot be read for a moment.
            javalin.routes.exception(org.apache.kafka.streams.errors.InvalidStateStoreException.class, (e, ctx) ->
                    ctx.status(HttpStatus.SERVICE_UNAVAILABLE).result("The desk is loading its queue from Kafka: reload in a moment."));
            javalin.routes.get("/desk.css", ctx -> ctx.contentType("text/css").result(stylesheet));
            javalin.routes.get("/signin", this::signInPage);
            javalin.routes.post("/signin", this::signIn);
            javalin.routes.post("/signout", this::signOut);
            javalin.routes.get("/", ctx -> ctx.redirect("/queue/" + languages.get(0), HttpStatus.SEE_OTHER));
            javalin.routes.get("/queue/{language}", this::queuePage);
            javalin.routes.get("/item/{language}/{story}", this::itemPage);
            javalin.routes.post("/item/{language}/{story}/approve", ctx -> decide(ctx, ReviewAction.APPROVE));
            javalin.routes.post("/item/{language}/{story}/reject", ctx -> decide(ctx, ReviewAction.REJECT));
        });
    }

    /**
     * Starts the server on {@code REVIEW_HTTP_BIND_ADDRESS:REVIEW_HTTP_PORT}.
     *
     * @param accounts the editors who sign in; empty when {@code REVIEW_AUTH_PROXY_HEADER} names them instead
     */
    public static DeskWebServer start(ServiceConfig config, ReviewQueue queue, DecisionSender sender,
                                      Optional<EditorAccounts> accounts, ReviewedArticle reviewed, Clock clock) {
        DeskWebServer server = new DeskWebServer(config, queue, sender, accounts, reviewed, clock);
        server.app.start(config.review().bindAddress(), config.review().port());
        return server;
    }

    public int port() {
        return app.port();
    }

    /** The address editors open, e.g. http://127.0.0.1:8090/. */
    public String url() {
        return "http://" + settings.bindAddress() + ":" + port() + "/";
    }

    @Override
    public void close() {
        app.stop();
    }

    private static SessionHandler sessions(ServiceConfig.Review settings) {
        SessionHandler sessions = new SessionHandler();
        sessions.setSessionCookie("desk_session");
        sessions.setHttpOnly(true);
        sessions.setSameSite(HttpCookie.SameSite.STRICT);
        sessions.setSecureRequestOnly(settings.secureCookie());
        sessions.setSecureCookies(settings.secureCookie());
        sessions.setUsingUriParameters(false);
        sessions.setMaxInactiveInterval(8 * 3600);
        return sessions;
    }

    /** Before every request: headers, then who is asking; a stranger is sent to sign in, a forged form refused. */
    private void guard(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        boolean open = OPEN_PATHS.contains(ctx.path()) && settings.proxyHeader().isEmpty();
        if (!open && editor(ctx) == null) {
            if (ctx.method() == HandlerType.GET && settings.proxyHeader().isEmpty()) {
                ctx.redirect("/signin", HttpStatus.SEE_OTHER);
            } else {
                ctx.status(HttpStatus.UNAUTHORIZED).result("Sign in first.");
            }
            ctx.skipRemainingHandlers();
            return;
        }
        if (ctx.method() == HandlerType.POST && !DeskSession.carriesToken(ctx, ctx.formParam("csrf"))) {
            log.warn("Refused a {} to {} without this session's form token", ctx.method(), ctx.path());
            ctx.status(HttpStatus.FORBIDDEN).result("This form has expired or did not come from the desk: reload the page.");
            ctx.skipRemainingHandlers();
        }
    }

    /** The editor: from the reverse proxy's header when configured, else from the session. */
    private String editor(Context ctx) {
        if (settings.proxyHeader().isPresent()) {
            String name = ctx.header(settings.proxyHeader().get());
            return name == null || name.isBlank() ? null : name.strip();
        }
        return DeskSession.editor(ctx);
    }

    private DeskFrame frame(Context ctx) {
        return new DeskFrame(editor(ctx), DeskSession.csrfToken(ctx), languages, DeskSession.takeNotice(ctx),
                settings.proxyHeader().isEmpty());
    }

    private void signInPage(Context ctx) {
        if (editor(ctx) != null) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.html(pages.render("signin.jte", frame(ctx)));
    }

    private void signIn(Context ctx) {
        Optional<String> editor = accounts.flatMap(known -> known.authenticate(ctx.formParam("name"), ctx.formParam("password")));
        if (editor.isEmpty()) {
            log.warn("Failed sign-in to the review desk as '{}'", ctx.formParam("name"));
            DeskSession.notice(ctx, "Wrong name or password.");
            ctx.status(HttpStatus.UNAUTHORIZED).html(pages.render("signin.jte", frame(ctx)));
            return;
        }
        DeskSession.signIn(ctx, editor.get());
        log.info("{} signed in to the review desk", editor.get());
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        DeskSession.signOut(ctx);
        ctx.redirect("/signin", HttpStatus.SEE_OTHER);
    }

    private Optional<String> language(Context ctx) {
        String asked = ctx.pathParam("language");
        return languages.stream().filter(language -> language.equalsIgnoreCase(asked)).findFirst();
    }

    private void queuePage(Context ctx) {
        Optional<String> language = language(ctx);
        if (language.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).result("No such target language.");
            return;
        }
        List<QueuePage.Row> rows = queue.waiting(language.get()).stream().map(itemPages::row).toList();
        ctx.html(pages.render("queue.jte", new QueuePage(frame(ctx), language.get(), rows)));
    }

    private void itemPage(Context ctx) {
        Optional<String> language = language(ctx);
        Optional<Article> item = language.flatMap(l -> queue.item(new ItemKey(l, ctx.pathParam("story"))));
        if (item.isEmpty()) {
            DeskSession.notice(ctx, "That translation no longer waits for review: decided, or replaced by a newer revision.");
            ctx.redirect("/queue/" + language.orElse(languages.get(0)), HttpStatus.SEE_OTHER);
            return;
        }
        ctx.html(pages.render("item.jte", itemPages.item(frame(ctx), item.get())));
    }

    private void decide(Context ctx, ReviewAction action) {
        Optional<String> language = language(ctx);
        String story = ctx.pathParam("story");
        Integer revision = parseRevision(ctx.formParam("revision"));
        if (language.isEmpty() || revision == null) {
            ctx.status(HttpStatus.BAD_REQUEST).result("No such item, or no revision given.");
            return;
        }
        String itemLink = ItemPages.link(language.get(), story);
        String reason = Optional.ofNullable(ctx.formParam("reason")).map(String::strip).filter(r -> !r.isEmpty()).orElse(null);
        if (action == ReviewAction.REJECT && reason == null) {
            DeskSession.notice(ctx, "Give a reason to reject.");
            ctx.redirect(itemLink, HttpStatus.SEE_OTHER);
            return;
        }
        ReviewRequest.Builder request = ReviewRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setStoryId(story)
                .setLanguage(language.get())
                .setRevision(revision)
                .setAction(action)
                .setReviewer(editor(ctx))
                .setReason(reason)
                .setRequestedAt(clock.instant());
        if (action == ReviewAction.APPROVE) {
            // Only what differs from the waiting text travels; the processor compares again with what it holds.
            queue.item(new ItemKey(language.get(), story)).ifPresent(item -> edits(ctx, item, request));
        }
        sender.send(request.build());
        DeskSession.notice(ctx, (action == ReviewAction.APPROVE ? "Approved" : "Rejected") + " “" + story
                + "” revision " + revision + ": the desk applies it in a moment (once: a second decision changes nothing).");
        ctx.redirect("/queue/" + language.get(), HttpStatus.SEE_OTHER);
    }

    private static void edits(Context ctx, Article item, ReviewRequest.Builder request) {
        String headline = ctx.formParam("headline");
        if (headline != null && !headline.strip().equals(item.getHeadline().strip())) {
            request.setHeadline(headline.strip());
        }
        Map<String, String> paragraphs = new HashMap<>();
        for (int i = 0; i < ReviewedArticle.editableParagraphs(item); i++) {
            String text = ctx.formParam("p" + i);
            if (text != null && !text.strip().equals(item.getBody().get(i).strip())) {
                paragraphs.put(String.valueOf(i), text.strip());
            }
        }
        request.setParagraphs(paragraphs);
    }

    private static Integer parseRevision(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = DeskWebServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
