package org.jdpl.devices.reco.device;

import org.jdpl.devices.reco.chain.ReconstructionSteps;
import org.jdpl.devices.reco.find.FinderConfig;
import org.jdpl.devices.reco.seed.SeedConfig;
import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.Outputs;
import org.jdpl.framework.device.ProcessingContext;

final class TrackFitterDevice implements Device
{
    private final StepTime stepTime = new StepTime();
    private ReconstructionSteps steps;

    @Override
    public void init(final InitContext ctx)
    {
        final FinderConfig finder = FinderConfig.defaults();
        steps = new ReconstructionSteps(SeedConfig.defaults(),
            new FinderConfig(finder.minHits(), finder.windowScale(), ctx.options().getDouble("bfield")),
            ctx.options().getDouble("uniform-field-half-length"), 1.0, 4);
    }

    @Override
    public void process(final ProcessingContext ctx)
    {
        final long startNs = System.nanoTime();
        final Outputs outputs = ctx.outputs();
        steps.fitTracks(ctx.inputs().get("spacepoints").payload(), ctx.inputs().get("trackhits").payload(), size -> outputs.make("tracks", size));
        stepTime.add(ctx.metrics(), startNs);
    }
}
