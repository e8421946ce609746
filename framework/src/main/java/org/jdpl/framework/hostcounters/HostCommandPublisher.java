package org.jdpl.framework.hostcounters;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The launching host's side of {@link HostCommand}s: one multi-destination-cast publication that
 * every host agent joins (dynamic control, so agents need only this host's address and the control
 * port). A command, once given, is repeated until the run ends: an agent that joins late, or a
 * message lost on the way, still gets it; agents act on it once.
 */
public final class HostCommandPublisher implements Agent, AutoCloseable
{
    static final long REPEAT_NS = TimeUnit.MILLISECONDS.toNanos(200);

    private final ExclusivePublication publication;
    private final NanoClock clock;
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[HostCommand.MAX_LENGTH]);
    private int length;
    private long lastSendNs;

    private HostCommandPublisher(final ExclusivePublication publication, final NanoClock clock)
    {
        this.publication = publication;
        this.clock = clock;
    }

    public static HostCommandPublisher open(final Aeron aeron, final NanoClock clock)
    {
        return new HostCommandPublisher(aeron.addExclusivePublication(HostCountersChannel.COMMAND_PUBLICATION,
            HostCountersChannel.COMMAND_STREAM_ID), clock);
    }

    /** The control port agents join at, or 0 while the media driver has not bound it yet. */
    public int port()
    {
        final List<String> bound = publication.localSocketAddresses();
        if (bound.isEmpty())
        {
            return 0;
        }
        final String address = bound.getFirst();
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    /** Gives {@code command} from now on (an abort replaces a stop; nothing replaces an abort). */
    public void give(final HostCommand command, final String reason)
    {
        if (length > 0 && HostCommand.decode(message, 0, length) == HostCommand.ABORT)
        {
            return;
        }
        length = command.encode(message, 0, reason);
        lastSendNs = clock.nanoTime() - REPEAT_NS;
        doWork();
    }

    @Override
    public int doWork()
    {
        final long now = clock.nanoTime();
        if (length == 0 || now - lastSendNs < REPEAT_NS)
        {
            return 0;
        }
        lastSendNs = now;
        // Not connected or back-pressured: the next round sends it again.
        return publication.offer(message, 0, length) > 0 ? 1 : 0;
    }

    @Override
    public String roleName()
    {
        return "host-command-publisher";
    }

    @Override
    public void close()
    {
        CloseHelper.close(publication);
    }
}
