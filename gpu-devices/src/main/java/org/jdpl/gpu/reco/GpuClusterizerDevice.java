package org.jdpl.gpu.reco;

import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.Outputs;
import org.jdpl.framework.device.ProcessingContext;
import org.jdpl.gpu.clusters.GpuClusterizer;
import org.jdpl.gpu.session.GpuSession;

/** Clusters each timeframe on its GPU. */
final class GpuClusterizerDevice extends GpuStepDevice
{
    private GpuClusterizer gpu;
    private TimeframeClusterizer clusterizer;

    @Override
    void onInit(final InitContext ctx, final GpuSession session)
    {
        gpu = new GpuClusterizer(session.context(), session.pool());
        clusterizer = new TimeframeClusterizer(gpu);
        // Some OpenCL drivers (PoCL) compile a kernel at its first launch: pay that here, not in the first timeframe.
        gpu.label(-1, new int[] {0, 0}, new int[] {0, 1}, new int[] {0, 1}, 2, new int[2]);
    }

    @Override
    void onTimeframe(final ProcessingContext ctx)
    {
        final Outputs outputs = ctx.outputs();
        clusterizer.clusterize(ctx.timeslice(), ctx.inputs().get("cells").payload(), ctx.inputs().get("modules").payload(),
            ctx.inputs().get("hits").payload(), size -> outputs.make("spacepoints", size));
        ctx.metrics().set("mergedClusters", clusterizer.mergedHits());
    }

    @Override
    void onClose()
    {
        gpu.close();
    }
}
