package org.jdpl.framework.runner;

import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.jdpl.transport.ControlCommandCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Obeys the Driver's commands on the control stream; unknown commands are ignored (logged once). */
final class ControlReceiver implements FragmentHandler
{
    private static final Logger LOG = LoggerFactory.getLogger(ControlReceiver.class);

    private final String device;
    private final CallContext context;
    private boolean unknownLogged;

    ControlReceiver(final String device, final CallContext context)
    {
        this.device = device;
        this.context = context;
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
        else if (!unknownLogged)
        {
            unknownLogged = true;
            LOG.info("{}: ignoring control {} (not supported by this runner; logged once)", device, ControlCommandCodec.name(command));
        }
    }
}
