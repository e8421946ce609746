package org.jdpl.devices.reco.device;

import org.jdpl.devices.reco.chain.ReconstructionSteps;
import org.jdpl.devices.reco.find.FinderConfig;
import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.Outputs;
import org.jdpl.framework.device.ProcessingContext;

final class SeederDevice implements Device
{
    private final StepTime stepTime = new StepTime();
    private ReconstructionSteps steps;

    @Override
    public void init(final InitContext ctx)
    {
        steps = new ReconstructionSteps(SeederFactory.config(ctx.options()), FinderConfig.defaults(),
            ReconstructionSteps.TRACKML_UNIFORM_FIELD_HALF_LENGTH_MM, 1.0, 4, ctx.options().getInt(RecoThreads.NAME));
    }

    @Override
    public void process(final ProcessingContext ctx)
    {
        final long startNs = System.nanoTime();
        final Outputs outputs = ctx.outputs();
        steps.seed(ctx.inputs().get("spacepoints").payload(), size -> outputs.make("seeds", size));
        stepTime.add(ctx.metrics(), startNs);
    }

    @Override
    public void close()
    {
        if (steps != null)
        {
            steps.close();
        }
    }
}
