package org.jdpl.gpu.reco;

import org.jdpl.devices.reco.device.SeederFactory;
import org.jdpl.devices.reco.seed.SeedCuts;
import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.EndOfStreamContext;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.Outputs;
import org.jdpl.framework.device.ProcessingContext;
import org.jdpl.gpu.BackendSelector;
import org.jdpl.gpu.seeds.GpuTripletSearch;
import org.jdpl.gpu.session.GpuSession;
import org.jdpl.gpu.session.GpuSettings;

/** Opens its GPU at init (backend, index and pool from the driver), seeds each timeframe there, publishes the GPU's metrics. */
final class GpuSeederDevice implements Device
{
    private GpuSession session;
    private GpuTripletSearch gpu;
    private TimeframeSeeder seeder;

    @Override
    public void init(final InitContext ctx)
    {
        session = GpuSession.open(GpuSettings.fromEnvironment(System.getenv()), BackendSelector.fromClassPath(), System.getenv());
        System.out.println(session.describe());
        final SeedCuts cuts = new SeedCuts(SeederFactory.config(ctx.options()));
        gpu = new GpuTripletSearch(session.context(), session.pool(), cuts);
        seeder = new TimeframeSeeder(gpu, cuts);
        // Some OpenCL drivers (PoCL) compile a kernel at its first launch: pay that here, not in the first timeframe.
        seeder.warmUp();
    }

    @Override
    public void process(final ProcessingContext ctx)
    {
        final long startNs = System.nanoTime();
        final Outputs outputs = ctx.outputs();
        seeder.seed(ctx.timeslice(), ctx.inputs().get("spacepoints").payload(), size -> outputs.make("seeds", size));
        ctx.metrics().set("tripletCandidates", seeder.lastCandidates());
        ctx.metrics().set("candidatePasses", gpu.lastPasses());
        // Wall time of the step, summed over timeslices, as the CPU seeder reports it.
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
