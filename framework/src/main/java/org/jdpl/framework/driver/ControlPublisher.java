package org.jdpl.framework.driver;

import io.aeron.Aeron;
import io.aeron.Publication;
import org.agrona.concurrent.UnsafeBuffer;

/** The Driver's end of the control channel: commands to every device of the run. */
final class ControlPublisher implements AutoCloseable
{
    static final int STOP = 1;

    private final Publication publication;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Integer.BYTES]);

    ControlPublisher(final Aeron aeron, final int streamId)
    {
        this.publication = aeron.addPublication("aeron:ipc", streamId);
    }

    /** Offers a stop to whoever listens now; the supervisor repeats it for late joiners. */
    void sendStop()
    {
        buffer.putInt(0, STOP);
        publication.offer(buffer, 0, Integer.BYTES);
    }

    @Override
    public void close()
    {
        publication.close();
    }
}
