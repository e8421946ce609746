package org.jdpl.framework.hostcounters;

import io.aeron.Aeron;
import org.agrona.collections.IntHashSet;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;

/**
 * A host agent's side of {@link HostCommand}s: joins the launching host's command stream and hands
 * each command to its handler once (they are repeated), in the order they came. A message without
 * the run's tag (a stranger's, another run's) is dropped and counted, never acted on.
 */
public final class HostCommandListener implements Agent, AutoCloseable
{
    /** Acts on a command; called on the listener's thread. */
    @FunctionalInterface
    public interface Handler
    {
        void onCommand(HostCommand command, String text);
    }

    private final Subscription subscription;
    private final IntHashSet seen = new IntHashSet();
    private final FragmentHandler onFragment;
    private final MessageAuthenticator authenticator;
    private long unauthenticated;

    private HostCommandListener(final Subscription subscription, final RunSecret secret, final Handler handler)
    {
        this.subscription = subscription;
        this.authenticator = secret.authenticator(MessageAuthenticator.Kind.COMMAND);
        this.onFragment = (buffer, offset, length, header) ->
        {
            if (!authenticator.verify(buffer, offset, length))
            {
                unauthenticated++;
                return;
            }
            final HostCommand command = HostCommand.decode(buffer, offset, length - MessageAuthenticator.TAG_BYTES);
            if (command != null && seen.add(HostCommand.number(buffer, offset)))
            {
                handler.onCommand(command, HostCommand.text(buffer, offset));
            }
        };
    }

    /** Joins the commands of the launching host at {@code endpoint} ({@code address:port}), tagged with {@code secret}. */
    public static HostCommandListener open(final Aeron aeron, final String endpoint, final RunSecret secret, final Handler handler)
    {
        final String launcherAddress = endpoint.substring(0, endpoint.lastIndexOf(':'));
        return new HostCommandListener(aeron.addSubscription(
            HostCountersChannel.commandSubscription(HostCountersChannel.localAddressToward(launcherAddress), endpoint),
            HostCountersChannel.COMMAND_STREAM_ID), secret, handler);
    }

    /** Messages dropped because they did not carry the run's tag. */
    public long unauthenticated()
    {
        return unauthenticated;
    }

    /** {@code address:port} where this agent receives commands, or null while the media driver has not bound it yet. */
    public String endpoint()
    {
        final String resolved = subscription.tryResolveChannelEndpointPort();
        return resolved == null ? null : io.aeron.ChannelUri.parse(resolved).get(io.aeron.CommonContext.ENDPOINT_PARAM_NAME);
    }

    @Override
    public int doWork()
    {
        return subscription.poll(onFragment, 8);
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
