package org.jdpl.transport.durable;

import java.nio.file.Path;

import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/** How every durable queue of a run is opened: one place for its Chronicle settings. */
final class DurableQueues
{
    /**
     * Chronicle maps its files in blocks of this size, and one message must fit in a block: room
     * for payloads of some tens of MiB. The files are sparse.
     */
    static final long BLOCK_SIZE_BYTES = 256L << 20;

    static
    {
        // Chronicle's start-up announcement (release notes, e-mail) is not for our users' logs.
        if (System.getProperty("chronicle.announcer.disable") == null)
        {
            System.setProperty("chronicle.announcer.disable", "true");
        }
    }

    private DurableQueues()
    {
    }

    static SingleChronicleQueue open(final Path directory, final boolean readOnly)
    {
        return SingleChronicleQueueBuilder.single(directory.toFile())
            .blockSize(BLOCK_SIZE_BYTES)
            .readOnly(readOnly)
            .build();
    }
}
