package org.jdpl.framework.runner;

import io.aeron.Publication;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.jdpl.framework.channel.Outlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers whole messages until they are taken. A full channel (back-pressure, admin action, a full in-process ring) is
 * waited out with the device's idle strategy and the time counted as back-pressure. A consumer that
 * disconnected (died) is waited for too, politely, since the Driver decides how the run ends; a
 * closed publication fails at once. Drops a message only for a consumer the run gave up on (an
 * expendable device that died, see {@link AbandonedConsumers}).
 */
final class Offerer
{
    private static final Logger LOG = LoggerFactory.getLogger(Offerer.class);

    private final String device;
    private final RunnerCounters counters;
    private final IdleStrategy backPressureIdle;
    private final IdleStrategy notConnectedIdle = new SleepingMillisIdleStrategy(1);
    private final DriverWatch watch;
    private final AbandonedConsumers abandoned;

    Offerer(final String device, final RunnerCounters counters, final IdleStrategy backPressureIdle, final DriverWatch watch,
        final AbandonedConsumers abandoned)
    {
        this.device = device;
        this.counters = counters;
        this.backPressureIdle = backPressureIdle;
        this.watch = watch;
        this.abandoned = abandoned;
    }

    void offer(final Outlet outlet, final DirectBuffer buffer, final int offset, final int length)
    {
        offer(outlet, buffer, offset, length, null, 0, 0);
    }

    /** Offers one message made of two parts (a header block and a payload elsewhere), without copying them together. */
    void offer(final Outlet outlet, final DirectBuffer buffer, final int offset, final int length,
        final DirectBuffer second, final int secondOffset, final int secondLength)
    {
        long waitStartNs = 0;
        boolean notConnectedLogged = false;
        while (true)
        {
            final long result = second == null ? outlet.offer(buffer, offset, length) :
                outlet.offer(buffer, offset, length, second, secondOffset, secondLength);
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
                if (abandoned.isAbandoned(outlet.streamId()))
                {
                    // An expendable consumer that died: nobody will take this; its timeslices are accounted as lost there.
                    counters.messagesAbandoned++;
                    return;
                }
                if (!notConnectedLogged)
                {
                    notConnectedLogged = true;
                    LOG.warn("{}: {} has no consumer any more (did it die?); holding the message until it is back " +
                        "or the Driver ends the run", device, outlet.describe());
                }
                notConnectedIdle.idle();
            }
            else if (result == Publication.CLOSED)
            {
                throw new TransportFailedException("the publication to " + outlet.describe() + " was closed");
            }
            else if (result == Publication.MAX_POSITION_EXCEEDED)
            {
                throw new TransportFailedException(outlet.describe() +
                    " reached its maximum position (term length too small for this run's volume)");
            }
            watch.check();
        }
    }
}
