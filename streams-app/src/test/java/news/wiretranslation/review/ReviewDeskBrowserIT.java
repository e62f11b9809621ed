package news.wiretranslation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.ReviewDecision;
import news.wiretranslation.avro.ReviewOutcome;
import news.wiretranslation.config.RegistrySettings;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.embedded.EmbeddedKafkaBroker;
import news.wiretranslation.embedded.EmbeddedSchemaRegistry;
import news.wiretranslation.registry.AvroSerde;
import news.wiretranslation.review.signin.PasswordHasher;
import news.wiretranslation.service.TopicReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The review desk in a real browser (Debian's Chromium through its chromedriver) on the in-process Kafka broker and
 * schema registry: flagged translations wait on the review topic as the service writes them; an editor signs in,
 * opens one, sees the flag marked, edits a paragraph and approves, or rejects; the output and audit records are read
 * back from Kafka. A plain HTTP client checks what the browser cannot: requests without a session or without the
 * form token are refused, and two approvals of one item publish one article. Saves screenshots to docs/images/.
 */
class ReviewDeskBrowserIT {
    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration KAFKA_WAIT = Duration.ofSeconds(90);
    private static final Path SCREENSHOTS = Path.of("..", "docs", "images");

    private static EmbeddedKafkaBroker broker;
    private static EmbeddedSchemaRegistry registry;
    private static Map<String, String> env;
    private static ServiceConfig config;
    private static ReviewDesk desk;
    @TempDir
    static Path work;

    private ChromeDriver browser;

    @BeforeAll
    static void startDesk() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        registry = EmbeddedSchemaRegistry.start();
        Path users = work.resolve("editors");
        Files.writeString(users, "# the desk's editors\nada:" + new PasswordHasher().hash(PASSWORD) + "\n");
        env = new HashMap<>(TestConfigs.baseSettings(broker.bootstrapServers(), registry.url()));
        env.put("INPUT_TOPIC", "desk-it.raw");
        env.put("OUTPUT_TOPIC_PREFIX", "desk-it.out.");
        env.put("DLQ_TOPIC", "desk-it.dlq");
        env.put("QUALITY_REVIEW_TOPIC", "desk-it.review");
        env.put("REVIEW_REQUESTS_TOPIC", "desk-it.review.requests");
        env.put("REVIEW_DECISIONS_TOPIC", "desk-it.review.decisions");
        env.put("REVIEW_APPLICATION_ID", "desk-it");
        env.put("REVIEW_USERS_FILE", users.toString());
        env.put("REVIEW_HTTP_PORT", "0");
        env.put("STATE_DIR", work.resolve("state").toString());
        config = TestConfigs.load(env);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("desk-it.raw", 2, (short) 1))).all().get();
        }
        desk = ReviewDesk.start(config);
        try (KafkaProducer<String, Article> producer = producer()) {
            // Three to decide, and three that wait throughout (so the queue's screenshot shows some, whatever ran first).
            List<Article> items = List.of(ReviewItems.flagged("budget-approve", 1),
                    waiting("budget-reject", 1, 5, "afp", "Unions reject the budget and call a national strike"),
                    waiting("budget-twice", 1, 5, "afp", "Opposition files a motion of censure over the budget"),
                    waiting("quake-flash", 2, 1, "afp", "Earthquake of magnitude 6.1 shakes the south of the country"),
                    waiting("election-results", 3, 2, "belga", "Liberals win the regional elections in Wallonia"),
                    waiting("rail-strike", 1, 4, "afp", "Rail workers extend their strike into next week"));
            for (Article item : items) {
                producer.send(new ProducerRecord<>("desk-it.review", item.getId(), item)).get();
            }
        }
    }

    private static Article waiting(String id, int revision, int urgency, String source, String headline) {
        return Article.newBuilder(ReviewItems.flagged(id, revision)).setUrgency(urgency).setSource(source)
                .setHeadline(headline).build();
    }

    @AfterAll
    static void stopDesk() {
        if (desk != null) {
            desk.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void openBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory(work, "chromium-"));
        // The driver named explicitly: Selenium Manager would try to download one, and the network is closed.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anEditorSignsInSeesTheFlagMarkedEditsAParagraphAndApprovesAndTheReviewedArticleIsPublishedOnce() throws Exception {
        signIn();
        await().atMost(KAFKA_WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            browser.navigate().refresh();
            return !browser.findElements(By.cssSelector("a[href='/item/en-US/budget-approve']")).isEmpty()
                    && !browser.findElements(By.cssSelector("a[href='/item/en-US/quake-flash']")).isEmpty();
        });
        List<String> queued = browser.findElements(By.cssSelector("#queue tbody tr td:nth-child(2) a")).stream()
                .map(WebElement::getText).toList();
        assertThat(queued.get(0)).as("urgent on top").startsWith("Earthquake");
        screenshot("review-desk-queue.png");

        browser.findElement(By.cssSelector("a[href='/item/en-US/budget-approve']")).click();
        WebElement mark = browser.findElement(By.cssSelector("#row-p1 mark"));
        assertThat(mark.getText()).isEqualTo("des mesures injustes");
        assertThat(mark.getAttribute("title")).contains("Left in the source language");
        assertThat(browser.findElement(By.id("row-p1")).getText()).contains("Les syndicats ont dénoncé");
        assertThat(browser.findElement(By.id("label")).getText()).contains("deepl", "quality_optimized", "fr",
                "0.97", "reviewed by the newsroom");
        screenshot("review-desk-item.png");

        String corrected = "The unions denounced measures they call unfair to modest households.";
        browser.findElement(By.id("edit-p1")).click();
        WebElement text = browser.findElement(By.id("text-p1"));
        text.clear();
        text.sendKeys(corrected);
        browser.findElement(By.id("approve")).click();
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Approved", "budget-approve");

        ReviewDecision audit = decisionsFor("budget-approve", 1).get(0);
        assertThat(audit.getOutcome()).isEqualTo(ReviewOutcome.PUBLISHED);
        assertThat(audit.getReviewer()).isEqualTo("ada");
        assertThat(audit.getEditedParagraphs()).isEqualTo(1);
        assertThat(audit.getSettingsFingerprint()).isEqualTo("fp-1234");
        List<Article> published = published("budget-approve");
        assertThat(published).hasSize(1);
        Article article = published.get(0);
        assertThat(article.getEditorialReview()).isTrue();
        assertThat(article.getReview().getReviewer()).isEqualTo("ada");
        assertThat(article.getReview().getEditedParagraphs()).containsExactly(1);
        assertThat(article.getReview().getDecisionId()).isEqualTo(audit.getDecisionId());
        assertThat(article.getBody().get(1)).isEqualTo(corrected);
        assertThat(article.getTranslation().getDisclaimer()).contains("reviewed by the newsroom");
        assertThat(article.getReviewSource()).isNull();

        browser.get(desk.url() + "item/en-US/budget-approve");
        assertThat(browser.findElement(By.id("notice")).getText()).contains("no longer waits");
    }

    @Test
    void anEditorRejectsWithAReasonAndNothingIsPublished() throws Exception {
        signIn();
        await().atMost(KAFKA_WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            browser.get(desk.url() + "item/en-US/budget-reject");
            return !browser.findElements(By.id("reject")).isEmpty();
        });
        browser.findElement(By.id("reason")).sendKeys("The quote in paragraph 2 is wrong");
        browser.findElement(By.id("reject")).click();
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Rejected");

        ReviewDecision audit = decisionsFor("budget-reject", 1).get(0);
        assertThat(audit.getOutcome()).isEqualTo(ReviewOutcome.REJECTED);
        assertThat(audit.getReason()).isEqualTo("The quote in paragraph 2 is wrong");
        assertThat(audit.getReviewer()).isEqualTo("ada");
        assertThat(published("budget-reject")).isEmpty();
    }

    @Test
    void requestsWithoutASessionOrWithoutTheFormTokenAreRefusedAndTwoApprovalsPublishOneArticle() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = get(anonymous, "queue/en-US");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/signin"));
        assertThat(page.body()).doesNotContain("budget");
        assertThat(post(anonymous, "item/en-US/budget-twice/approve", Map.of("revision", "1")).statusCode())
                .as("no session").isEqualTo(401);

        HttpClient editor = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String signInToken = token(get(editor, "signin").body());
        HttpResponse<String> signedIn = post(editor, "signin",
                Map.of("csrf", signInToken, "name", "ada", "password", PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).contains("desk_session=", "HttpOnly", "SameSite=Strict"));
        await().atMost(KAFKA_WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> get(editor, "item/en-US/budget-twice").statusCode() == 200);
        String token = token(get(editor, "item/en-US/budget-twice").body());
        assertThat(token).isNotEqualTo(signInToken).as("a new token after signing in");

        assertThat(post(editor, "item/en-US/budget-twice/approve", Map.of("revision", "1")).statusCode())
                .as("no form token").isEqualTo(403);
        assertThat(post(editor, "item/en-US/budget-twice/approve", Map.of("revision", "1", "csrf", signInToken)).statusCode())
                .as("the token of before signing in").isEqualTo(403);
        assertThat(post(editor, "item/en-US/budget-twice/approve", Map.of("revision", "1", "csrf", token)).statusCode())
                .isEqualTo(303);
        assertThat(post(editor, "item/en-US/budget-twice/approve", Map.of("revision", "1", "csrf", token)).statusCode())
                .isEqualTo(303);

        List<ReviewDecision> decisions = decisionsFor("budget-twice", 2);
        assertThat(decisions).extracting(ReviewDecision::getOutcome)
                .containsExactly(ReviewOutcome.PUBLISHED, ReviewOutcome.ALREADY_DECIDED);
        assertThat(published("budget-twice")).hasSize(1);
    }

    @Test
    void theQueueSurvivesARestartOfTheDeskOnAnEmptyStateDirectory() throws Exception {
        HttpClient editor = signedInClient();
        await().atMost(KAFKA_WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> get(editor, "queue/en-US").body().contains("/item/en-US/rail-strike"));

        desk.close();
        Map<String, String> moved = new HashMap<>(env);
        moved.put("STATE_DIR", work.resolve("state-after-restart").toString());
        desk = ReviewDesk.start(TestConfigs.load(moved)); // the queue comes back from its changelog topic

        HttpClient again = signedInClient();
        await().atMost(KAFKA_WAIT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> get(again, "queue/en-US").body().contains("/item/en-US/rail-strike"));
        assertThat(get(again, "item/en-US/rail-strike").body()).contains("Rail workers extend their strike");
    }

    /** An HTTP client signed in as ada, through the sign-in form and its token. */
    private static HttpClient signedInClient() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String token = token(get(client, "signin").body());
        assertThat(post(client, "signin", Map.of("csrf", token, "name", "ada", "password", PASSWORD)).statusCode())
                .isEqualTo(303);
        return client;
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(desk.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void signIn() {
        browser.get(desk.url());
        assertThat(browser.getCurrentUrl()).endsWith("/signin");
        browser.findElement(By.id("name")).sendKeys("ada");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        assertThat(browser.findElement(By.id("editor")).getText()).isEqualTo("ada");
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static String token(String html) {
        Matcher matcher = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("a form token in the page").isTrue();
        return matcher.group(1);
    }

    private static HttpResponse<String> post(HttpClient client, String path, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(desk.url() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits for {@code count} audit records of the story; returns them in the order they were written. */
    private static List<ReviewDecision> decisionsFor(String storyId, int count) {
        List<ConsumerRecord<byte[], ReviewDecision>> records = TopicReader.readUntil(broker.bootstrapServers(),
                "desk-it.review.decisions", serde(ReviewDecision.class).deserializer(),
                read -> read.stream().filter(r -> r.value().getStoryId().equals(storyId)).count() >= count, KAFKA_WAIT);
        List<ReviewDecision> decisions = records.stream().map(ConsumerRecord::value)
                .filter(d -> d.getStoryId().equals(storyId)).toList();
        assertThat(decisions).hasSize(count);
        return decisions;
    }

    /** What the desk published for the story: everything committed on the English output topic now. */
    private static List<Article> published(String storyId) {
        return TopicReader.readToEnd(broker.bootstrapServers(), "desk-it.out.en-us", serde(Article.class).deserializer(),
                        KAFKA_WAIT).stream().map(ConsumerRecord::value).filter(a -> a.getId().equals(storyId)).toList();
    }

    private static KafkaProducer<String, Article> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "desk-it-" + UUID.randomUUID()),
                new StringSerializer(), serde(Article.class).serializer());
    }

    private static <T extends SpecificRecord> AvroSerde<T> serde(Class<T> type) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(RegistrySettings.serdeConfigs(config.registry()), false);
        return serde;
    }
}
