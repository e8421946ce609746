package org.jdpl.framework.runner;

import java.nio.file.Path;
import java.util.List;

import org.jdpl.framework.device.Control;
import org.jdpl.framework.device.DeviceInfo;
import org.jdpl.framework.device.EndOfStreamContext;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.Inputs;
import org.jdpl.framework.device.Metrics;
import org.jdpl.framework.device.Options;
import org.jdpl.framework.device.Outputs;
import org.jdpl.framework.device.ProcessingContext;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.OutputSpec;

/**
 * Everything a device call sees, in one reused object: it is each of the call contexts, the
 * device's {@link Control} and its {@link DeviceInfo}. Only the timeslice and inputs change per call.
 */
final class CallContext implements ProcessingContext, InitContext, EndOfStreamContext, Control, DeviceInfo
{
    private final PlannedDevice planned;
    private final int replica;
    private final Options options;
    private final Metrics metrics;
    private final Path runDirectory;
    private Outputs outputs;
    private Inputs inputs;
    private long timeslice;
    private volatile boolean stopRequested;
    private boolean endOfStreamRequested;
    private boolean paused;

    CallContext(final PlannedDevice planned, final int replica, final Options options, final Metrics metrics, final Path runDirectory)
    {
        this.runDirectory = runDirectory;
        this.planned = planned;
        this.replica = replica;
        this.options = options;
        this.metrics = metrics;
    }

    void outputs(final Outputs outputs)
    {
        this.outputs = outputs;
    }

    void prepare(final long timeslice, final Inputs inputs)
    {
        this.timeslice = timeslice;
        this.inputs = inputs;
    }

    void requestStop()
    {
        stopRequested = true;
    }

    void paused(final boolean paused)
    {
        this.paused = paused;
    }

    boolean paused()
    {
        return paused;
    }

    boolean endOfStreamRequested()
    {
        return endOfStreamRequested;
    }

    @Override
    public void endOfStream()
    {
        endOfStreamRequested = true;
    }

    @Override
    public boolean stopRequested()
    {
        return stopRequested;
    }

    @Override
    public long timeslice()
    {
        return timeslice;
    }

    @Override
    public Inputs inputs()
    {
        return inputs;
    }

    @Override
    public Outputs outputs()
    {
        return outputs;
    }

    @Override
    public Options options()
    {
        return options;
    }

    @Override
    public Metrics metrics()
    {
        return metrics;
    }

    @Override
    public Control control()
    {
        return this;
    }

    @Override
    public DeviceInfo info()
    {
        return this;
    }

    @Override
    public String name()
    {
        return planned.name();
    }

    @Override
    public String type()
    {
        return planned.type();
    }

    @Override
    public int replica()
    {
        return replica;
    }

    @Override
    public int replicas()
    {
        return planned.replicas();
    }

    @Override
    public List<InputSpec> inputSpecs()
    {
        return planned.inputs();
    }

    @Override
    public List<OutputSpec> outputSpecs()
    {
        return planned.outputs();
    }

    @Override
    public Path runDirectory()
    {
        return runDirectory;
    }
}
