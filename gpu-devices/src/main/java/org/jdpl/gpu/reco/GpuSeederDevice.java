package org.jdpl.gpu.reco;

import org.jdpl.devices.reco.device.SeederFactory;
import org.jdpl.devices.reco.seed.SeedCuts;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.Outputs;
import org.jdpl.framework.device.ProcessingContext;
import org.jdpl.gpu.seeds.GpuTripletSearch;
import org.jdpl.gpu.session.GpuSession;

/** Seeds each timeframe on its GPU, with the seeder's options. */
final class GpuSeederDevice extends GpuStepDevice
{
    private GpuTripletSearch gpu;
    private TimeframeSeeder seeder;

    @Override
    void onInit(final InitContext ctx, final GpuSession session)
    {
        final SeedCuts cuts = new SeedCuts(SeederFactory.config(ctx.options()));
        gpu = new GpuTripletSearch(session.context(), session.pool(), cuts);
        seeder = new TimeframeSeeder(gpu, cuts);
        // Some OpenCL drivers (PoCL) compile a kernel at its first launch: pay that here, not in the first timeframe.
        seeder.warmUp();
    }

    @Override
    void onTimeframe(final ProcessingContext ctx)
    {
        final Outputs outputs = ctx.outputs();
        seeder.seed(ctx.timeslice(), ctx.inputs().get("spacepoints").payload(), size -> outputs.make("seeds", size));
        ctx.metrics().set("tripletCandidates", seeder.lastCandidates());
        ctx.metrics().set("candidatePasses", gpu.lastPasses());
        ctx.metrics().set("candidateOverflows", gpu.lastOverflows());
    }

    @Override
    void onClose()
    {
        gpu.close();
    }
}
