package org.jdpl.gpu.reco;

import org.jdpl.devices.reco.device.StepTime;
import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.EndOfStreamContext;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.ProcessingContext;
import org.jdpl.gpu.BackendSelector;
import org.jdpl.gpu.session.GpuSession;
import org.jdpl.gpu.session.GpuSettings;

/**
 * A reconstruction step on the GPU its process owns: opens the GPU at init (backend, index and pool
 * from the driver), times each timeframe as the CPU twin does ({@code processMs}, which dpl bench
 * gpu compares), publishes the GPU's metrics after it, and closes the GPU at the end.
 */
abstract class GpuStepDevice implements Device
{
    private final StepTime stepTime = new StepTime();
    private GpuSession session;

    @Override
    public final void init(final InitContext ctx)
    {
        session = GpuSession.open(GpuSettings.fromEnvironment(System.getenv()), BackendSelector.fromClassPath(), System.getenv());
        System.out.println(session.describe());
        onInit(ctx, session);
    }

    @Override
    public final void process(final ProcessingContext ctx)
    {
        final long startNs = System.nanoTime();
        onTimeframe(ctx);
        stepTime.add(ctx.metrics(), startNs);
        session.publish(ctx.metrics());
    }

    @Override
    public final void endOfStream(final EndOfStreamContext ctx)
    {
        try
        {
            onClose();
        }
        finally
        {
            session.close();
        }
    }

    /** Builds the step on the opened GPU and warms its kernels up. */
    abstract void onInit(InitContext ctx, GpuSession session);

    abstract void onTimeframe(ProcessingContext ctx);

    /** Releases what {@link #onInit} built on the GPU, before the GPU closes. */
    abstract void onClose();
}
