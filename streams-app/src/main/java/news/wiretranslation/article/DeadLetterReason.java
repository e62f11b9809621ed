package news.wiretranslation.article;

/** Why a record went to the dead-letter topic. The name is written into {@code DeadLetter.reason}. */
public enum DeadLetterReason {
    /** The value is not Avro in the Confluent wire format at all (too short, unreadable). */
    NOT_AVRO,
    /** The first byte is not the Confluent magic byte 0. */
    BAD_MAGIC_BYTE,
    /** The schema id in the record is unknown to the registry. */
    UNKNOWN_SCHEMA_ID,
    /** The Avro body does not decode against its writer schema, or cannot be read as a RawArticle. */
    MALFORMED_AVRO,
    /** The record has no value (a tombstone) where an article was expected. */
    EMPTY_RECORD,
    /**
     * Required content is missing or out of range (blank id or source, revision below 1, urgency outside 1-9, a
     * timestamp outside 1900-01-01 to now + 1 day).
     */
    INVALID_ARTICLE,
    /** Neither headline nor body has any text after normalization. */
    EMPTY_ARTICLE,
    /** The language could not be determined and none was declared. */
    UNDETECTABLE_LANGUAGE,
    /** The language is one the configured engine does not translate from. */
    UNSUPPORTED_LANGUAGE,
    /** The engine refused the text permanently (e.g. HTTP 400 for the language pair, or a text over its size limit). */
    TRANSLATION_REJECTED,
    /** An unexpected error in the service while processing the record. */
    PROCESSING_ERROR,
    /** A revision older than one of the same story already accepted: publishing it would turn the story back. */
    SUPERSEDED_REVISION,
    /** A revision already accepted with other content (another text, or the same id and revision in another language). */
    REVISION_CONFLICT,
    /** The text is mostly replacement characters U+FFFD (bytes that were not valid UTF-8): wrong charset or binary. */
    UNREADABLE_TEXT,
    /** The input record's value is larger than MAX_ARTICLE_BYTES; refused on arrival, before it is deserialized. */
    ARTICLE_TOO_LARGE,
    /** The article written for a target would be larger than the records the service may write (MAX_ARTICLE_BYTES). */
    OUTPUT_TOO_LARGE,
    /** A record could not be written: the broker refused it, or it could not be serialized. */
    OUTPUT_REFUSED,
    /**
     * The item is not a text article: its itemType is picture, video, audio, graphic, event, planning..., or a
     * composite without a text body ({@link ItemType}).
     */
    NOT_TEXT
}
