/**
 * Avro serdes in the Confluent wire format, and the Schema Registry client they need.
 *
 * <p>The io.confluent serializers are not available to this project, so it carries its own: a record on a topic is
 * the magic byte {@code 0}, the writer schema's registry id as a 4-byte big-endian int, then the Avro binary body.
 * Other Confluent-compatible producers and consumers read and write the same bytes.
 *
 * <p>The settings keep Confluent's names ({@code schema.registry.url}, {@code auto.register.schemas},
 * {@code use.latest.version}, {@code basic.auth.credentials.source}, {@code basic.auth.user.info},
 * {@code http.connect.timeout.ms}, {@code http.read.timeout.ms}, {@code max.retries}, {@code retries.wait.ms},
 * {@code retries.max.wait.ms}, {@code schema.registry.ssl.truststore.location}/{@code .password}/{@code .type}) so
 * that operators meet what they already know, and
 * {@code schema.registry.url=mock://<scope>} selects an in-memory registry shared by every serde of that scope in the
 * JVM, as Confluent's does.
 *
 * <p>Entry points: {@link news.wiretranslation.registry.AvroSerde} for Kafka Streams,
 * {@link news.wiretranslation.registry.SchemaRegistryClients#create(java.util.Map)} for a client on its own.
 */
package news.wiretranslation.registry;
