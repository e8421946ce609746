package org.jdpl.framework.hostcounters;

import io.aeron.Aeron;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;

/**
 * A host agent's side of {@link HostCommand}s: joins the launching host's command stream and hands
 * the first of each command to its handler (they are repeated).
 */
public final class HostCommandListener implements Agent, AutoCloseable
{
    /** Acts on a command; called on the listener's thread. */
    @FunctionalInterface
    public interface Handler
    {
        void onCommand(HostCommand command, String reason);
    }

    private final Subscription subscription;
    private final boolean[] seen = new boolean[HostCommand.values().length];
    private final FragmentHandler onFragment;

    private HostCommandListener(final Subscription subscription, final Handler handler)
    {
        this.subscription = subscription;
        this.onFragment = (buffer, offset, length, header) ->
        {
            final HostCommand command = HostCommand.decode(buffer, offset, length);
            if (command != null && !seen[command.ordinal()])
            {
                seen[command.ordinal()] = true;
                handler.onCommand(command, HostCommand.reason(buffer, offset));
            }
        };
    }

    /** Joins the commands of the launching host at {@code endpoint} ({@code address:port}). */
    public static HostCommandListener open(final Aeron aeron, final String endpoint, final Handler handler)
    {
        final String launcherAddress = endpoint.substring(0, endpoint.lastIndexOf(':'));
        return new HostCommandListener(aeron.addSubscription(
            HostCountersChannel.commandSubscription(HostCountersChannel.localAddressToward(launcherAddress), endpoint),
            HostCountersChannel.COMMAND_STREAM_ID), handler);
    }

    @Override
    public int doWork()
    {
        return subscription.poll(onFragment, 1);
    }

    @Override
    public String roleName()
    {
        return "host-command-listener";
    }

    @Override
    public void close()
    {
        CloseHelper.close(subscription);
    }
}
