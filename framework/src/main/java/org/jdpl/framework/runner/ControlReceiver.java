package org.jdpl.framework.runner;

import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.jdpl.transport.ControlCommandCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Obeys the commands on the control stream (from the Driver, or PAUSE/RESUME from a tool); unknown
 * commands are ignored (logged once). Only sources act on a pause; other devices idle as their
 * inputs dry up.
 */
final class ControlReceiver implements FragmentHandler
{
    private static final Logger LOG = LoggerFactory.getLogger(ControlReceiver.class);

    private final String device;
    private final CallContext context;
    private final CountersPublisher published;
    private final boolean source;
    private boolean unknownLogged;

    ControlReceiver(final String device, final CallContext context, final CountersPublisher published, final boolean source)
    {
        this.device = device;
        this.context = context;
        this.published = published;
        this.source = source;
    }

    @Override
    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        final int command = ControlCommandCodec.command(buffer, offset, length);
        if (command == ControlCommandCodec.STOP)
        {
            if (!context.stopRequested())
            {
                LOG.info("{}: stop requested by the Driver", device);
            }
            context.requestStop();
        }
        else if ((command == ControlCommandCodec.PAUSE || command == ControlCommandCodec.RESUME) && source)
        {
            final boolean pause = command == ControlCommandCodec.PAUSE;
            if (pause != context.paused())
            {
                LOG.info("{}: {}", device, pause ? "paused" : "resumed");
                context.paused(pause);
                published.paused(pause);
            }
        }
        else if (command != ControlCommandCodec.PAUSE && command != ControlCommandCodec.RESUME && !unknownLogged)
        {
            unknownLogged = true;
            LOG.info("{}: ignoring control {} (not supported by this runner; logged once)", device, ControlCommandCodec.name(command));
        }
    }
}
