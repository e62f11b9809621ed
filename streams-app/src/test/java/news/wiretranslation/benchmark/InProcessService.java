package news.wiretranslation.benchmark;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import news.wiretranslation.config.ConfigLoader;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.service.Observability;
import news.wiretranslation.service.TranslationService;

/**
 * The service in the benchmark's own JVM, beside the broker, the registry and the DeepL stand-in: how the benchmark
 * measured before it ran the service apart ({@code --service=in-process}), kept to compare the two. Started as
 * {@code RunCommand} starts it (observability first, then the service), so that {@code /metrics} reads the same.
 */
final class InProcessService implements ServiceUnderTest {
    private final Observability observability;
    private final TranslationService service;

    private InProcessService(Observability observability, TranslationService service) {
        this.observability = observability;
        this.service = service;
    }

    static InProcessService start(Map<String, String> env) throws IOException {
        Map<String, String> settings = new HashMap<>(env);
        settings.put("HTTP_PORT", Integer.toString(ServiceUnderTest.freePort()));
        settings.put("HTTP_BIND_ADDRESS", "127.0.0.1");
        ServiceConfig config = new ConfigLoader(settings, new Properties()).load();
        Observability observability = Observability.start(config);
        TranslationService service = TranslationService.create(config);
        observability.attach(service);
        service.start();
        return new InProcessService(observability, service);
    }

    @Override
    public long pid() {
        return ProcessHandle.current().pid();
    }

    @Override
    public boolean ownProcess() {
        return false;
    }

    @Override
    public int httpPort() {
        return observability.port();
    }

    @Override
    public boolean isAlive() {
        return switch (service.state()) {
            case ERROR, NOT_RUNNING, PENDING_SHUTDOWN -> false;
            default -> true;
        };
    }

    @Override
    public String diagnosis() {
        return "Kafka Streams " + service.state();
    }

    @Override
    public void close() {
        service.close(Duration.ofSeconds(60));
        observability.close();
    }
}
