package org.jdpl.framework.runner;

import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.run.DeviceExitCode;

/**
 * The duty cycle of a source (a device with no inputs, or only timers): it makes its own
 * timeslices, numbered from 0, held back by the rate limit ({@link SourceThrottle}), paused and
 * stopped by control commands, and says when its stream is to end ({@link #endCode}).
 */
final class SourceLoop implements AutoCloseable
{
    /** {@link #endCode} while the source goes on. */
    static final int RUNNING = -1;
    /** A source is called at most this many times per duty cycle, so control commands stay responsive. */
    private static final int CALLS_PER_CYCLE = 16;

    private final PlannedDevice planned;
    private final CallContext call;
    private final DeviceCalls calls;
    private final SendingOutputs outputs;
    private final SourceThrottle throttle;
    private final CountersPublisher published;
    private final RunnerCounters counters;
    private TimerInputs timers;
    private long nextTimeslice;
    private int endCode = RUNNING;

    SourceLoop(final PlannedDevice planned, final CallContext call, final DeviceCalls calls, final SendingOutputs outputs,
        final SourceThrottle throttle, final CountersPublisher published, final RunnerCounters counters)
    {
        this.planned = planned;
        this.call = call;
        this.calls = calls;
        this.outputs = outputs;
        this.throttle = throttle;
        this.published = published;
        this.counters = counters;
    }

    /** The outputs are connected: a timer-driven source's clocks start now. */
    void start(final long nowNs)
    {
        if (planned.isTimerDriven())
        {
            timers = new TimerInputs(planned.inputs(), nowNs);
        }
    }

    /** The timeslice the next call gets (and the endOfStream call, at the end). */
    long nextTimeslice()
    {
        return nextTimeslice;
    }

    /** {@link #RUNNING}, or the exit code the stream ends with (stopped, or the source said it is done). */
    int endCode()
    {
        return endCode;
    }

    int doWork()
    {
        if (call.stopRequested())
        {
            endCode = DeviceExitCode.STOPPED;
            return 1;
        }
        if (call.paused())
        {
            return 0; // paused by a tool: produce nothing, downstream idles
        }
        if (timers != null)
        {
            return tick();
        }
        int work = 0;
        for (int i = 0; i < CALLS_PER_CYCLE; i++)
        {
            final long timeslice = nextTimeslice;
            if (!throttle.mayProduce(timeslice))
            {
                break; // held back by the rate limit: idle until the sinks catch up
            }
            calls.process(timeslice, NoInputs.INSTANCE);
            final boolean made = outputs.sendMade(timeslice) > 0;
            if (made)
            {
                nextTimeslice++;
                work++;
                throttle.produced();
            }
            published.onTimesliceHandled(counters.lastProcessEndNs);
            if (call.endOfStreamRequested())
            {
                endCode = DeviceExitCode.OK;
                return work + 1;
            }
            if (!made)
            {
                break;
            }
        }
        return work;
    }

    /**
     * A timer-driven device is called when a timer is due. Its timeslice id moves on with each call
     * that sent something (as a source's does), or with every call when it has no outputs.
     */
    private int tick()
    {
        final long timeslice = nextTimeslice;
        if (timers.poll(System.nanoTime(), timeslice) == 0)
        {
            return 0;
        }
        calls.process(timeslice, timers);
        if (outputs.sendMade(timeslice) > 0 || planned.outputs().isEmpty())
        {
            nextTimeslice++;
        }
        if (call.endOfStreamRequested() || timers.exhausted())
        {
            endCode = DeviceExitCode.OK;
        }
        return 1;
    }

    @Override
    public void close()
    {
        if (timers != null)
        {
            timers.close();
        }
    }
}
