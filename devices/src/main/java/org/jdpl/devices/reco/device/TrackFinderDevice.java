package org.jdpl.devices.reco.device;

import org.jdpl.devices.reco.chain.ReconstructionSteps;
import org.jdpl.devices.reco.seed.SeedConfig;
import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.Outputs;
import org.jdpl.framework.device.ProcessingContext;

final class TrackFinderDevice implements Device
{
    private final StepTime stepTime = new StepTime();
    private ReconstructionSteps steps;

    @Override
    public void init(final InitContext ctx)
    {
        steps = new ReconstructionSteps(SeedConfig.defaults(), TrackFinderFactory.config(ctx.options()),
            ReconstructionSteps.TRACKML_UNIFORM_FIELD_HALF_LENGTH_MM, 1.0, 4, ctx.options().getInt(RecoThreads.NAME));
    }

    @Override
    public void process(final ProcessingContext ctx)
    {
        final long startNs = System.nanoTime();
        final Outputs outputs = ctx.outputs();
        steps.findTracks(ctx.inputs().get("spacepoints").payload(), ctx.inputs().get("seeds").payload(), size -> outputs.make("trackhits", size));
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
