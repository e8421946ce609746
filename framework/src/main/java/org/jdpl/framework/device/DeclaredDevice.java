package org.jdpl.framework.device;

import java.util.List;

/** The {@link Device} a {@link DeviceSpec} creates: calls the function its init returned, through one reused {@link Timeslice}. */
final class DeclaredDevice implements Device
{
    private final DeviceSpec spec;
    private final InputPort[] inputs;
    private final OutputPort[] outputs;
    private Setup setup;
    private Timeslice timeslice;
    private ProcessFunction process;

    DeclaredDevice(final DeviceSpec spec, final List<InputPort> inputs, final List<OutputPort> outputs)
    {
        this.spec = spec;
        this.inputs = inputs.toArray(new InputPort[0]);
        this.outputs = outputs.toArray(new OutputPort[0]);
    }

    @Override
    public void init(final InitContext ctx) throws Exception
    {
        timeslice = new Timeslice(ctx.info(), ctx.metrics(), inputs, outputs);
        setup = new Setup(ctx);
        process = spec.init(setup);
        if (process == null)
        {
            throw new IllegalStateException("device type '" + spec.type() + "' (" + spec.getClass().getName() + "): init returned no function");
        }
    }

    @Override
    public void process(final ProcessingContext ctx) throws Exception
    {
        timeslice.prepare(ctx.timeslice(), ctx.inputs(), ctx.outputs(), ctx.control());
        process.process(timeslice);
    }

    @Override
    public void endOfStream(final EndOfStreamContext ctx) throws Exception
    {
        final ProcessFunction callback = setup.endOfStream();
        if (callback != null)
        {
            timeslice.prepare(ctx.timeslice(), null, ctx.outputs(), null);
            callback.process(timeslice);
        }
    }

    @Override
    public void close() throws Exception
    {
        if (setup != null)
        {
            setup.closeAll();
        }
    }
}
