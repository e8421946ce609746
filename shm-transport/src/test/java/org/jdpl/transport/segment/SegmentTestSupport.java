package org.jdpl.transport.segment;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh /dev/shm directory per test, removed after it, and segments of 64 KiB pages made in it. */
abstract class SegmentTestSupport
{
    static final long PAGE = 64 * 1024;

    ShmDirectory directory;

    @BeforeEach
    void createDirectory()
    {
        directory = ShmDirectory.create();
    }

    @AfterEach
    void removeDirectory() throws IOException
    {
        directory.close();
    }

    PayloadSegment create(final long pages)
    {
        return PayloadSegment.create(directory.resolve("payload.segment"),
            new SegmentContext().pageSizeBytes(PAGE).sizeBytes(pages * PAGE));
    }
}
