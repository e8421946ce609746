package org.jdpl.devices.reco.device;

import org.jdpl.devices.reco.chain.ReconstructionSteps;
import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.Outputs;
import org.jdpl.framework.device.ProcessingContext;

final class ClusterizerDevice implements Device
{
    private final ReconstructionSteps steps = ReconstructionSteps.withDefaults();

    @Override
    public void process(final ProcessingContext ctx)
    {
        final long startNs = System.nanoTime();
        final Outputs outputs = ctx.outputs();
        steps.clusterize(ctx.inputs().get("cells").payload(), ctx.inputs().get("modules").payload(), ctx.inputs().get("hits").payload(),
            size -> outputs.make("spacepoints", size));
        ctx.metrics().set("mergedClusters", steps.clusterizer().mergedHits());
        // Wall time of the step, summed over timeslices: the per-step timing in the run summary.
        ctx.metrics().add("processMs", (System.nanoTime() - startNs) / 1e6);
    }
}
