package org.jdpl.framework.driver;

import io.aeron.Aeron;
import io.aeron.Publication;
import org.agrona.concurrent.UnsafeBuffer;
import org.jdpl.transport.ControlCommandCodec;

/** The Driver's end of the control channel: commands to every device of the run. */
final class ControlPublisher implements AutoCloseable
{
    private final Publication publication;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[ControlCommandCodec.LENGTH]);

    ControlPublisher(final Aeron aeron, final int streamId)
    {
        this.publication = aeron.addPublication("aeron:ipc", streamId);
    }

    /** Offers a stop to whoever listens now; the supervisor repeats it for late joiners. */
    void sendStop()
    {
        final int length = ControlCommandCodec.encode(buffer, 0, ControlCommandCodec.STOP, 0);
        publication.offer(buffer, 0, length);
    }

    @Override
    public void close()
    {
        publication.close();
    }
}
