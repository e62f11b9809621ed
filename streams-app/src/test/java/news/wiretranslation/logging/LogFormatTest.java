package news.wiretranslation.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogFormatTest {
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @AfterEach
    void restoreLogging() throws Exception {
        System.setErr(originalErr);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void jsonWritesOneObjectPerLineWithTheArticleFieldsAndNoArguments() throws Exception {
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LogFormat.JSON.apply();
        Logger log = LoggerFactory.getLogger("news.wiretranslation.test");

        ArticleLog.event(log.atInfo(), "story-7", 3, "translate").addKeyValue("reason", "TRANSLATION_REJECTED")
                .log("Dead-lettering article {}\nsecond line", "story-7");
        log.warn("plain event");

        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode event = new ObjectMapper().readTree(lines.get(0));
        assertThat(event.path("level").asText()).isEqualTo("INFO");
        assertThat(event.path("loggerName").asText()).isEqualTo("news.wiretranslation.test");
        assertThat(event.path("formattedMessage").asText()).isEqualTo("Dead-lettering article story-7\nsecond line");
        assertThat(event.path("kvpList").toString())
                .contains("\"articleId\":\"story-7\"", "\"revision\":\"3\"", "\"stage\":\"translate\"", "\"reason\":\"TRANSLATION_REJECTED\"");
        assertThat(event.has("arguments")).isFalse();
        assertThat(event.has("timestamp")).isTrue();
        assertThat(new ObjectMapper().readTree(lines.get(1)).path("formattedMessage").asText()).isEqualTo("plain event");
    }

    @Test
    void plainWritesTheKeyValuePairsAfterTheMessage() {
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LogFormat.PLAIN.apply();
        Logger log = LoggerFactory.getLogger("news.wiretranslation.test");

        ArticleLog.event(log.atInfo(), "story-7", 3, "translate").log("Dead-lettering article {}", "story-7");

        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("INFO ", "Dead-lettering article story-7 articleId=\"story-7\" revision=\"3\" stage=\"translate\"");
    }
}
