package org.jdpl.transport;

/** Why a received message was rejected; {@link #NONE} when it is well formed. */
public enum WireError
{
    NONE("well formed"),
    TRUNCATED("shorter than the " + MessageLayout.HEADER_BLOCK_SIZE + "-byte header block"),
    BAD_MAGIC("does not start with O2O2"),
    BAD_DATA_HEADER_SIZE("DataHeader size is not " + MessageLayout.DATA_HEADER_SIZE),
    BAD_DATA_HEADER_VERSION("DataHeader version is not " + MessageLayout.DATA_HEADER_VERSION),
    NO_PROCESSING_HEADER("no DataProcessingHeader after the DataHeader"),
    BAD_PROCESSING_HEADER("DataProcessingHeader has a bad magic, size or version"),
    BAD_PAYLOAD_SIZE("payloadSize is larger than the message");

    private final String text;

    WireError(final String text)
    {
        this.text = text;
    }

    /** What is wrong, for log lines. */
    public String text()
    {
        return text;
    }
}
