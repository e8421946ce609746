package org.jdpl.framework.runner;

import java.nio.file.Path;
import java.util.Map;

import org.jdpl.framework.catalog.DeviceType;
import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.Inputs;
import org.jdpl.framework.device.Outputs;
import org.jdpl.framework.plan.PlannedDevice;

/**
 * One device instance called on the caller's thread, without transport: the same call context,
 * options (the plan's text over the type's defaults) and metrics a device process gives it. What
 * the device test harness drives; the caller brings the inputs and collects the outputs.
 */
public final class InProcessDevice implements AutoCloseable
{
    private final Device device;
    private final CallContext call;
    private final MapMetrics metrics = new MapMetrics();
    private boolean closed;

    public InProcessDevice(final DeviceType type, final PlannedDevice planned, final int replica, final Path runDirectory,
        final Outputs outputs)
    {
        call = new CallContext(planned, replica, ConfigOptions.parse(planned.name(), planned.options(), type.defaults()), metrics,
            runDirectory);
        call.outputs(outputs);
        device = type.factory().create();
    }

    public void init() throws Exception
    {
        call.prepare(-1, NoInputs.INSTANCE);
        device.init(call);
    }

    /** One call of process; {@code inputs} null for a source. */
    public void process(final long timeslice, final Inputs inputs) throws Exception
    {
        call.prepare(timeslice, inputs == null ? NoInputs.INSTANCE : inputs);
        device.process(call);
    }

    public void endOfStream(final long timeslice) throws Exception
    {
        call.prepare(timeslice, NoInputs.INSTANCE);
        device.endOfStream(call);
    }

    /** Whether the device (a source) asked to end its stream. */
    public boolean endOfStreamRequested()
    {
        return call.endOfStreamRequested();
    }

    /** As the Driver's stop command: {@code stopRequested()} is true from now on. */
    public void requestStop()
    {
        call.requestStop();
    }

    public double metric(final String name)
    {
        return metrics.get(name);
    }

    /** Every metric set so far, in the order first set. */
    public Map<String, Double> metrics()
    {
        return metrics.snapshot();
    }

    /** The device's close, once. */
    @Override
    public void close() throws Exception
    {
        if (!closed)
        {
            closed = true;
            device.close();
        }
    }
}
