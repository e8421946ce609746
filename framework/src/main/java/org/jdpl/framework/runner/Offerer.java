package org.jdpl.framework.runner;

import io.aeron.Publication;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers whole messages until they are taken. A full channel (back-pressure, admin action) is
 * waited out with the device's idle strategy and the time counted as back-pressure. A consumer that
 * disconnected (died) is waited for too, politely, since the Driver decides how the run ends; a
 * closed publication fails at once. Never drops a message.
 */
final class Offerer
{
    private static final Logger LOG = LoggerFactory.getLogger(Offerer.class);

    private final String device;
    private final RunnerCounters counters;
    private final IdleStrategy backPressureIdle;
    private final IdleStrategy notConnectedIdle = new SleepingMillisIdleStrategy(1);
    private final DriverWatch watch;

    Offerer(final String device, final RunnerCounters counters, final IdleStrategy backPressureIdle, final DriverWatch watch)
    {
        this.device = device;
        this.counters = counters;
        this.backPressureIdle = backPressureIdle;
        this.watch = watch;
    }

    void offer(final Publication publication, final DirectBuffer buffer, final int offset, final int length)
    {
        offer(publication, buffer, offset, length, null, 0, 0);
    }

    /** Offers one message made of two parts (a header block and a payload elsewhere), without copying them together. */
    void offer(final Publication publication, final DirectBuffer buffer, final int offset, final int length,
        final DirectBuffer second, final int secondOffset, final int secondLength)
    {
        long waitStartNs = 0;
        boolean notConnectedLogged = false;
        while (true)
        {
            final long result = second == null ? publication.offer(buffer, offset, length) :
                publication.offer(buffer, offset, length, second, secondOffset, secondLength);
            if (result > 0)
            {
                if (waitStartNs != 0)
                {
                    counters.backPressureNanos += System.nanoTime() - waitStartNs;
                    backPressureIdle.reset();
                }
                return;
            }
            if (waitStartNs == 0)
            {
                waitStartNs = System.nanoTime();
            }
            if (result == Publication.BACK_PRESSURED || result == Publication.ADMIN_ACTION)
            {
                backPressureIdle.idle();
            }
            else if (result == Publication.NOT_CONNECTED)
            {
                if (!notConnectedLogged)
                {
                    notConnectedLogged = true;
                    LOG.warn("{}: stream {} has no consumer any more (did it die?); holding the message until it is back " +
                        "or the Driver ends the run", device, publication.streamId());
                }
                notConnectedIdle.idle();
            }
            else if (result == Publication.CLOSED)
            {
                throw new TransportFailedException("the publication to stream " + publication.streamId() + " was closed");
            }
            else if (result == Publication.MAX_POSITION_EXCEEDED)
            {
                throw new TransportFailedException("stream " + publication.streamId() +
                    " reached its maximum position (term length too small for this run's volume)");
            }
            watch.check();
        }
    }
}
