package news.wiretranslation.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import news.wiretranslation.config.ConfigLoader;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.service.Observability;
import news.wiretranslation.service.TranslationService;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {
                "Runs the translation service against a Kafka cluster until SIGTERM or Ctrl-C.",
                "Settings come from environment variables, then the optional properties file (docs/configuration.md)."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  KAFKA_BOOTSTRAP_SERVERS=kafka:9092 SCHEMA_REGISTRY_URL=http://registry:8081 \\",
                "  DEEPL_AUTH_KEY=... TARGET_LANGUAGES=EN-US,DE java -jar wire-translation.jar run",
                "  java -jar wire-translation.jar run --config /etc/wire-translation.properties"})
final class RunCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file with settings (lower case, dots: kafka.bootstrap.servers=...). Environment variables win.")
    Path configFile;

    @Override
    public Integer call() throws InterruptedException {
        ServiceConfig config = ConfigLoader.fromEnvironment(Optional.ofNullable(configFile)).load();
        config.logFormat().apply();
        // Metrics and health first: liveness answers and readiness says why not while the models load.
        try (Observability observability = Observability.start(config)) {
            TranslationService service = TranslationService.create(config);
            observability.attach(service);
            Thread shutdown = new Thread(service::close, "wire-translation-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdown);
            service.start();
            service.awaitStop();
            return service.state() == KafkaStreams.State.ERROR ? WireTranslation.EXIT_FAILURE : 0;
        }
    }
}
