package news.wiretranslation.deadletter;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;

/** What Kafka Streams tells an exception handler about the input record being processed, as the handler tests need it. */
record TestErrorContext(String topic, int partition, long offset, String processorNodeId, byte[] sourceRawKey,
                        byte[] sourceRawValue) implements ErrorHandlerContext {
    @Override
    public Headers headers() {
        return new RecordHeaders();
    }

    @Override
    public TaskId taskId() {
        return new TaskId(0, partition);
    }

    @Override
    public long timestamp() {
        return 0;
    }
}
