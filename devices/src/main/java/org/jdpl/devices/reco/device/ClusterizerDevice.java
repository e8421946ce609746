package org.jdpl.devices.reco.device;

import org.jdpl.devices.reco.chain.ReconstructionSteps;
import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.Outputs;
import org.jdpl.framework.device.ProcessingContext;

final class ClusterizerDevice implements Device
{
    private final StepTime stepTime = new StepTime();
    private final ReconstructionSteps steps = ReconstructionSteps.withDefaults();

    @Override
    public void process(final ProcessingContext ctx)
    {
        final long startNs = System.nanoTime();
        final Outputs outputs = ctx.outputs();
        steps.clusterize(ctx.inputs().get("cells").payload(), ctx.inputs().get("modules").payload(), ctx.inputs().get("hits").payload(),
            size -> outputs.make("spacepoints", size));
        ctx.metrics().set("mergedClusters", steps.clusterizer().mergedHits());
        stepTime.add(ctx.metrics(), startNs);
    }
}
