package org.jdpl.gpu.reco;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.EndOfStreamContext;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.Outputs;
import org.jdpl.framework.device.ProcessingContext;
import org.jdpl.gpu.BackendSelector;
import org.jdpl.gpu.clusters.GpuClusterizer;
import org.jdpl.gpu.session.GpuSession;
import org.jdpl.gpu.session.GpuSettings;

/** Opens its GPU at init (backend, index and pool from the driver), clusters each timeframe there, publishes the GPU's metrics. */
final class GpuClusterizerDevice implements Device
{
    private GpuSession session;
    private GpuClusterizer gpu;
    private TimeframeClusterizer clusterizer;

    @Override
    public void init(final InitContext ctx)
    {
        session = GpuSession.open(GpuSettings.fromEnvironment(System.getenv()), BackendSelector.fromClassPath(), System.getenv());
        System.out.println(session.describe());
        gpu = new GpuClusterizer(session.context(), session.pool());
        clusterizer = new TimeframeClusterizer(gpu);
        // Some OpenCL drivers (PoCL) compile a kernel at its first launch: pay that here, not in the first timeframe.
        gpu.label(-1, new int[] {0, 0}, new int[] {0, 1}, new int[] {0, 1}, 2, new int[2]);
    }

    @Override
    public void process(final ProcessingContext ctx)
    {
        final long startNs = System.nanoTime();
        final Outputs outputs = ctx.outputs();
        clusterizer.clusterize(ctx.timeslice(), ctx.inputs().get("cells").payload(), ctx.inputs().get("modules").payload(),
            ctx.inputs().get("hits").payload(), size -> outputs.make("spacepoints", size));
        ctx.metrics().set("mergedClusters", clusterizer.mergedHits());
        // Wall time of the step, summed over timeslices, as the CPU clusterizer reports it: dpl bench gpu compares the two.
        ctx.metrics().add("processMs", (System.nanoTime() - startNs) / 1e6);
        session.publish(ctx.metrics());
    }

    @Override
    public void endOfStream(final EndOfStreamContext ctx)
    {
        gpu.close();
        session.close();
    }
}
