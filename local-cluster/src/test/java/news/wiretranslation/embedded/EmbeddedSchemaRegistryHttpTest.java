package news.wiretranslation.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST API as curl or another registry client sees it: paths, JSON shapes, statuses and error codes. */
class EmbeddedSchemaRegistryHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBJECT = "stories-value";

    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedSchemaRegistry registry;

    /** One answer: status, Content-Type and parsed body. */
    private record Answer(int status, String contentType, JsonNode body) {

        int errorCode() {
            return body.path("error_code").asInt(-1);
        }
    }

    @BeforeEach
    void startRegistry() {
        registry = EmbeddedSchemaRegistry.start();
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    private Answer call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(registry.url() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                JSON.readTree(response.body()));
    }

    private Answer get(String path) throws IOException, InterruptedException {
        return call("GET", path, null);
    }

    private static String schemaBody(Schema schema) throws IOException {
        return JSON.writeValueAsString(Map.of("schema", schema.toString()));
    }

    private int register(String subject, Schema schema) throws IOException, InterruptedException {
        Answer answer = call("POST", "/subjects/" + subject + "/versions", schemaBody(schema));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body().get("id").asInt();
    }

    @Test
    void registrationAnswersTheIdInConfluentsMediaType() throws Exception {
        Answer answer = call("POST", "/subjects/" + SUBJECT + "/versions", schemaBody(TestSchemas.V1));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(answer.body()).isEqualTo(JSON.readTree("{\"id\": 1}"));
    }

    @Test
    void anExplicitAvroSchemaTypeIsAcceptedAndOthersAreRefused() throws Exception {
        String avro = JSON.writeValueAsString(Map.of("schema", TestSchemas.V1.toString(), "schemaType", "AVRO"));
        String protobuf = JSON.writeValueAsString(Map.of("schema", "syntax = \"proto3\";", "schemaType", "PROTOBUF"));

        assertThat(call("POST", "/subjects/" + SUBJECT + "/versions", avro).status()).isEqualTo(200);
        Answer refused = call("POST", "/subjects/" + SUBJECT + "/versions", protobuf);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo(42201);
    }

    @Test
    void aSchemaThatIsNotAvroIsRefusedWith42201() throws Exception {
        for (String schema : List.of("{\"type\": \"record\", \"name\": \"Broken\"}", "not json at all", "")) {
            Answer answer = call("POST", "/subjects/" + SUBJECT + "/versions",
                    JSON.writeValueAsString(Map.of("schema", schema)));

            assertThat(answer.status()).as(schema).isEqualTo(422);
            assertThat(answer.errorCode()).as(schema).isEqualTo(42201);
        }
        assertThat(get("/subjects").body()).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() throws Exception {
        Answer answer = call("POST", "/subjects/" + SUBJECT + "/versions", "schema=oops");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo(400);
    }

    @Test
    void lookupAnswersSubjectIdVersionAndSchema() throws Exception {
        register(SUBJECT, TestSchemas.V1);
        register(SUBJECT, TestSchemas.V2_OPTIONAL_FIELD);

        Answer answer = call("POST", "/subjects/" + SUBJECT, schemaBody(TestSchemas.V2_OPTIONAL_FIELD));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("subject").asText()).isEqualTo(SUBJECT);
        assertThat(answer.body().get("id").asInt()).isEqualTo(2);
        assertThat(answer.body().get("version").asInt()).isEqualTo(2);
        assertThat(new Schema.Parser().parse(answer.body().get("schema").asText()))
                .isEqualTo(TestSchemas.V2_OPTIONAL_FIELD);
    }

    @Test
    void lookupErrorsTellAnUnknownSubjectFromAnUnknownSchema() throws Exception {
        register(SUBJECT, TestSchemas.V1);

        Answer noSubject = call("POST", "/subjects/nobody-value", schemaBody(TestSchemas.V1));
        Answer noSchema = call("POST", "/subjects/" + SUBJECT, schemaBody(TestSchemas.V2_OPTIONAL_FIELD));

        assertThat(noSubject.status()).isEqualTo(404);
        assertThat(noSubject.errorCode()).isEqualTo(40401);
        assertThat(noSchema.status()).isEqualTo(404);
        assertThat(noSchema.errorCode()).isEqualTo(40403);
    }

    @Test
    void schemasByIdAnswerTheSchemaTextOr40403() throws Exception {
        int id = register(SUBJECT, TestSchemas.V1);

        Answer found = get("/schemas/ids/" + id);
        Answer missing = get("/schemas/ids/99");

        assertThat(found.status()).isEqualTo(200);
        assertThat(new Schema.Parser().parse(found.body().get("schema").asText())).isEqualTo(TestSchemas.V1);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo(40403);
        assertThat(get("/schemas/ids/abc").errorCode()).isEqualTo(404);
    }

    @Test
    void subjectsAndTheirVersionsAreListed() throws Exception {
        register(SUBJECT, TestSchemas.V1);
        register(SUBJECT, TestSchemas.V2_OPTIONAL_FIELD);
        register(SUBJECT, TestSchemas.V1); // already there: no new version
        register("articles.raw-value", TestSchemas.V1);

        assertThat(get("/subjects").body()).isEqualTo(JSON.readTree("[\"articles.raw-value\", \"stories-value\"]"));
        assertThat(get("/subjects/" + SUBJECT + "/versions").body()).isEqualTo(JSON.readTree("[1, 2]"));
        assertThat(get("/subjects/nobody-value/versions").errorCode()).isEqualTo(40401);
    }

    @Test
    void aVersionIsFoundByNumberOrAsLatest() throws Exception {
        register(SUBJECT, TestSchemas.V1);
        register(SUBJECT, TestSchemas.V2_OPTIONAL_FIELD);

        JsonNode first = get("/subjects/" + SUBJECT + "/versions/1").body();
        JsonNode latest = get("/subjects/" + SUBJECT + "/versions/latest").body();

        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("id").asInt()).isEqualTo(1);
        assertThat(first.get("subject").asText()).isEqualTo(SUBJECT);
        assertThat(new Schema.Parser().parse(first.get("schema").asText())).isEqualTo(TestSchemas.V1);
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("id").asInt()).isEqualTo(2);
        assertThat(get("/subjects/" + SUBJECT + "/versions/-1").body()).isEqualTo(latest);
    }

    @Test
    void versionErrorsFollowConfluentsCodes() throws Exception {
        register(SUBJECT, TestSchemas.V1);

        Answer noVersion = get("/subjects/" + SUBJECT + "/versions/7");
        Answer noSubject = get("/subjects/nobody-value/versions/latest");
        Answer badVersion = get("/subjects/" + SUBJECT + "/versions/first");
        Answer zeroVersion = get("/subjects/" + SUBJECT + "/versions/0");

        assertThat(noVersion.status()).isEqualTo(404);
        assertThat(noVersion.errorCode()).isEqualTo(40402);
        assertThat(noSubject.status()).isEqualTo(404);
        assertThat(noSubject.errorCode()).isEqualTo(40401);
        assertThat(badVersion.status()).isEqualTo(422);
        assertThat(badVersion.errorCode()).isEqualTo(42202);
        assertThat(zeroVersion.errorCode()).isEqualTo(42202);
    }

    @Test
    void subjectsInPathsArePercentDecodedWithPlusKeptAsPlus() throws Exception {
        register("a%2Fb%20c+d", TestSchemas.V1);

        assertThat(get("/subjects").body()).isEqualTo(JSON.readTree("[\"a/b c+d\"]"));
        assertThat(get("/subjects/a%2Fb%20c%2Bd/versions/1").body().get("subject").asText()).isEqualTo("a/b c+d");
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() throws Exception {
        for (String path : List.of("/", "/nothing", "/schemas/ids", "/subjects/x/versions/1/schema/extra",
                "/subjects/x/other", "/config/x/y")) {
            Answer answer = get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.errorCode()).as(path).isEqualTo(404);
            assertThat(answer.contentType()).as(path).isEqualTo("application/vnd.schemaregistry.v1+json");
        }
        Answer wrongMethod = call("DELETE", "/subjects/" + SUBJECT + "/versions", null);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.errorCode()).isEqualTo(405);
    }

    @Test
    void theGlobalCompatibilityLevelIsBackwardUntilChanged() throws Exception {
        assertThat(get("/config").body()).isEqualTo(JSON.readTree("{\"compatibilityLevel\": \"BACKWARD\"}"));

        Answer changed = call("PUT", "/config", "{\"compatibility\": \"FULL\"}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo(JSON.readTree("{\"compatibility\": \"FULL\"}"));
        assertThat(get("/config").body().get("compatibilityLevel").asText()).isEqualTo("FULL");
    }

    @Test
    void aSubjectCanHaveItsOwnLevel() throws Exception {
        Answer set = call("PUT", "/config/" + SUBJECT, "{\"compatibility\": \"none\"}");

        assertThat(set.body()).isEqualTo(JSON.readTree("{\"compatibility\": \"NONE\"}"));
        assertThat(get("/config/" + SUBJECT).body().get("compatibilityLevel").asText()).isEqualTo("NONE");
        assertThat(get("/config").body().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        Answer unset = get("/config/other-value");
        assertThat(unset.status()).isEqualTo(404);
        assertThat(unset.errorCode()).isEqualTo(40408);
        assertThat(get("/config/other-value?defaultToGlobal=true").body().get("compatibilityLevel").asText())
                .isEqualTo("BACKWARD");
    }

    @Test
    void anUnknownCompatibilityLevelIsRefusedWith42203() throws Exception {
        for (String body : List.of("{\"compatibility\": \"SIDEWAYS\"}", "{}", "{\"compatibilityLevel\": \"FULL\"}")) {
            Answer answer = call("PUT", "/config", body);

            assertThat(answer.status()).as(body).isEqualTo(422);
            assertThat(answer.errorCode()).as(body).isEqualTo(42203);
        }
        assertThat(get("/config").body().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void registrationFollowsTheSubjectsLevel() throws Exception {
        register(SUBJECT, TestSchemas.V1);

        Answer refused = call("POST", "/subjects/" + SUBJECT + "/versions", schemaBody(TestSchemas.V2_REQUIRED_FIELD));
        call("PUT", "/config/" + SUBJECT, "{\"compatibility\": \"NONE\"}");
        Answer accepted = call("POST", "/subjects/" + SUBJECT + "/versions", schemaBody(TestSchemas.V2_REQUIRED_FIELD));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo(409);
        assertThat(refused.body().get("message").asText()).contains(SUBJECT, "version 1");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(get("/subjects/" + SUBJECT + "/versions").body()).isEqualTo(JSON.readTree("[1, 2]"));
    }

    @Test
    void registeringASchemaTheSubjectAlreadyHasIsNeverRefused() throws Exception {
        register(SUBJECT, TestSchemas.V1);
        call("PUT", "/config/" + SUBJECT, "{\"compatibility\": \"NONE\"}");
        register(SUBJECT, TestSchemas.V2_REQUIRED_FIELD);
        call("PUT", "/config/" + SUBJECT, "{\"compatibility\": \"FULL_TRANSITIVE\"}");

        assertThat(register(SUBJECT, TestSchemas.V1)).isEqualTo(1);
    }

    @Test
    void nothingListensOnThisMachinesOtherAddresses() throws IOException {
        List<InetAddress> others = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .toList();
        Assumptions.assumeFalse(others.isEmpty(), "this machine has no non-loopback IPv4 address");

        for (InetAddress address : others) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, registry.address().getPort()), 2000);
                }
            }).as(address.toString()).isInstanceOf(ConnectException.class);
        }
    }
}
