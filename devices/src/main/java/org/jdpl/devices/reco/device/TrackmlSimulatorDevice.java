package org.jdpl.devices.reco.device;

import java.util.ArrayList;
import java.util.List;

import org.jdpl.devices.reco.event.SourceEvent;
import org.jdpl.devices.reco.sim.EventSimulator;
import org.jdpl.devices.reco.sim.SimConfig;
import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.Options;
import org.jdpl.framework.device.ProcessingContext;

/** Simulates {@code events} events, K per timeslice, then ends the stream. */
final class TrackmlSimulatorDevice implements Device
{
    private final StepTime stepTime = new StepTime();
    private final SourceOutputs outputs = SourceOutputs.create();
    private EventSimulator simulator;
    private int events;
    private int perTimeframe;
    private int next;

    @Override
    public void init(final InitContext ctx)
    {
        final Options options = ctx.options();
        final SimConfig config = new SimConfig(options.getInt("particles-per-event"), options.getDouble("pt-min"), options.getDouble("pt-max"),
            options.getDouble("eta-max"), options.getDouble("noise-fraction"), options.getBoolean("multiple-scattering"),
            options.getDouble("bfield"), options.getLong("seed"));
        if (config.ptMax() <= config.ptMin())
        {
            throw new IllegalArgumentException("device '" + ctx.info().name() + "': pt-max (" + config.ptMax() + ") must exceed pt-min (" +
                config.ptMin() + ")");
        }
        simulator = new EventSimulator(config);
        events = options.getInt("events");
        perTimeframe = options.getInt("events-per-timeframe");
    }

    @Override
    public void process(final ProcessingContext ctx)
    {
        final long startNs = System.nanoTime();
        final List<SourceEvent> batch = new ArrayList<>(perTimeframe);
        while (batch.size() < perTimeframe && next < events)
        {
            batch.add(simulator.simulate(next++));
        }
        outputs.write(batch, simulator.geometry(), ctx.outputs());
        ctx.metrics().add("events", batch.size());
        for (final SourceEvent event : batch)
        {
            ctx.metrics().add("hits", event.truthCount);
        }
        if (next >= events || ctx.control().stopRequested())
        {
            ctx.control().endOfStream();
        }
        stepTime.add(ctx.metrics(), startNs);
    }
}
