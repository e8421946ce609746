package org.jdpl.framework.hostcounters;

import java.util.ArrayList;
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
 * port). Every command given is repeated until the run ends, in the order given: an agent that joins
 * late, or a message lost on the way, still gets it; agents act on each once. A run gives a handful.
 */
public final class HostCommandPublisher implements Agent, AutoCloseable
{
    static final long REPEAT_NS = TimeUnit.MILLISECONDS.toNanos(200);

    private final ExclusivePublication publication;
    private final NanoClock clock;
    private final MessageAuthenticator authenticator;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[HostCommand.MAX_LENGTH]);
    private final List<UnsafeBuffer> messages = new ArrayList<>();
    private long lastRoundNs;

    private HostCommandPublisher(final ExclusivePublication publication, final NanoClock clock, final RunSecret secret)
    {
        this.publication = publication;
        this.clock = clock;
        this.authenticator = secret.authenticator(MessageAuthenticator.Kind.COMMAND);
    }

    /** Commands tagged with {@code secret}: only the run's agents, told the same secret, act on them. */
    public static HostCommandPublisher open(final Aeron aeron, final NanoClock clock, final RunSecret secret)
    {
        return new HostCommandPublisher(aeron.addExclusivePublication(HostCountersChannel.COMMAND_PUBLICATION,
            HostCountersChannel.COMMAND_STREAM_ID), clock, secret);
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

    /** Gives {@code command} with {@code text} (its reason, or the lost replica), from now on. */
    public void give(final HostCommand command, final String text)
    {
        final int length = authenticator.sign(scratch, 0, command.encode(scratch, 0, messages.size(), text));
        final UnsafeBuffer message = new UnsafeBuffer(new byte[length]);
        message.putBytes(0, scratch, 0, length);
        messages.add(message);
        lastRoundNs = clock.nanoTime() - REPEAT_NS;
        doWork();
    }

    @Override
    public int doWork()
    {
        final long now = clock.nanoTime();
        if (messages.isEmpty() || now - lastRoundNs < REPEAT_NS)
        {
            return 0;
        }
        lastRoundNs = now;
        int sent = 0;
        for (final UnsafeBuffer message : messages)
        {
            // Not connected or back-pressured: the next round sends it again.
            sent += publication.offer(message, 0, message.capacity()) > 0 ? 1 : 0;
        }
        return sent;
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
