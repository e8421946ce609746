package org.jdpl.framework.runner;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.Inputs;
import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.PlannedDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call into the device, each with what its failure means: {@code init} and
 * {@code endOfStream} fail the runner; {@code process} is timed as {@link RunnerCounters#timeNextCall}
 * says, and what it throws goes by the {@code on-error} policy (the call's outputs are discarded,
 * then the runner fails, or the timeslice is dropped and accounted); {@code close} is the last call
 * on every way out, and its failure is logged only.
 */
final class DeviceCalls implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(DeviceRunner.class);

    private final String who;
    private final PlannedDevice planned;
    private final CallContext call;
    private final RunnerCounters counters;
    private final SendingOutputs outputs;
    private Device device;

    DeviceCalls(final String who, final PlannedDevice planned, final CallContext call, final RunnerCounters counters,
        final SendingOutputs outputs)
    {
        this.who = who;
        this.planned = planned;
        this.call = call;
        this.counters = counters;
        this.outputs = outputs;
    }

    /** Creates the device and calls its init. */
    void init(final DeviceFactory factory)
    {
        try
        {
            device = factory.create();
            call.prepare(-1, NoInputs.INSTANCE);
            device.init(call);
        }
        catch (final Exception | LinkageError | AssertionError e)
        {
            throw new DeviceCallException(planned.name(), "init", -1, e);
        }
    }

    /** The last call with outputs, as timeslice {@code timeslice}. */
    void endOfStream(final long timeslice)
    {
        call.prepare(timeslice, NoInputs.INSTANCE);
        try
        {
            device.endOfStream(call);
        }
        catch (final Exception | LinkageError | AssertionError e)
        {
            outputs.discardMade();
            throw new DeviceCallException(planned.name(), "endOfStream", -1, e);
        }
    }

    /** The device's own close, on every way out; a failure there is logged, the outcome stands. */
    @Override
    public void close()
    {
        if (device == null)
        {
            return;
        }
        try
        {
            device.close();
        }
        catch (final Exception | LinkageError | AssertionError e)
        {
            LOG.error("{}: close failed: {}", who, DeviceCallException.describe(e), e);
        }
        device = null;
    }

    /** False when process threw and the policy drops the timeframe (on-error = skip-timeframe). */
    boolean process(final long timeslice, final Inputs inputs)
    {
        call.prepare(timeslice, inputs);
        final boolean timed = counters.timeNextCall();
        final long startNs = timed ? System.nanoTime() : 0;
        try
        {
            device.process(call);
            if (timed)
            {
                counters.recordProcessing(startNs, System.nanoTime());
            }
            return true;
        }
        catch (final Exception | LinkageError | AssertionError e)
        {
            outputs.discardMade();
            final DeviceCallException failure = new DeviceCallException(planned.name(), "process", timeslice, e);
            if (planned.failurePolicy().onError() != FailurePolicy.OnError.SKIP_TIMEFRAME)
            {
                throw failure;
            }
            counters.errors++;
            counters.timeslicesDropped++;
            counters.ledger.dropped(timeslice, "process threw (on-error = skip-timeframe): " + failure.getCause());
            LOG.warn("{}: timeslice {} dropped (on-error = skip-timeframe): {}", who, timeslice, failure.getMessage());
            return false;
        }
    }
}
