package org.jdpl.topologies.probe;

import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.Input;
import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.device.ProcessingContext;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.Lifetime;

/**
 * Test device: records, as metrics, what each call saw of the inputs the topology gives it (it
 * declares none): {@code present.<label>} and {@code absent.<label>} per input; for a condition,
 * the last version seen ({@code version.<label>}), how many distinct versions ({@code versions.<label>})
 * and whether one ever went backwards ({@code regressed.<label>}); {@code outOfOrder}, calls whose
 * timeslice was not larger than the previous one; {@code torn}, payloads whose two stamps differ
 * (a payload released too early would show here).
 */
public final class ProbeRecorderFactory implements DeviceFactory
{
    @Override
    public String type()
    {
        return "test-recorder";
    }

    @Override
    public String description()
    {
        return "test: records which inputs each timeslice had, condition versions and order";
    }

    @Override
    public List<String> inputs()
    {
        return List.of();
    }

    @Override
    public List<String> outputs()
    {
        return List.of();
    }

    @Override
    public List<OptionSpec> options()
    {
        return List.of();
    }

    @Override
    public Device create()
    {
        return new Device()
        {
            private final Map<String, Long> lastVersion = new HashMap<>();
            private List<InputSpec> specs;
            private long previous = -1;

            @Override
            public void init(final InitContext ctx)
            {
                specs = ctx.info().inputSpecs();
                ctx.metrics().set("calls", 0);
                ctx.metrics().set("outOfOrder", 0);
                ctx.metrics().set("torn", 0);
                for (final InputSpec spec : specs)
                {
                    ctx.metrics().set("present." + spec.label(), 0);
                    ctx.metrics().set("absent." + spec.label(), 0);
                    if (spec.lifetime() == Lifetime.CONDITION)
                    {
                        ctx.metrics().set("regressed." + spec.label(), 0);
                        ctx.metrics().set("versions." + spec.label(), 0);
                    }
                }
            }

            @Override
            public void process(final ProcessingContext ctx)
            {
                ctx.metrics().add("calls", 1);
                if (ctx.timeslice() <= previous)
                {
                    ctx.metrics().add("outOfOrder", 1);
                }
                previous = ctx.timeslice();
                for (final InputSpec spec : specs)
                {
                    if (!ctx.inputs().isPresent(spec.label()))
                    {
                        ctx.metrics().add("absent." + spec.label(), 1);
                        continue;
                    }
                    ctx.metrics().add("present." + spec.label(), 1);
                    final MemorySegment payload = ctx.inputs().get(spec.label()).payload();
                    final long stamp = payload.get(ProbeSourceFactory.LONG, 0);
                    if (stamp != payload.get(ProbeSourceFactory.LONG, payload.byteSize() - 8))
                    {
                        ctx.metrics().add("torn", 1);
                    }
                    if (spec.lifetime() == Lifetime.CONDITION)
                    {
                        onCondition(ctx, spec.label(), stamp);
                    }
                }
                int listed = 0;
                for (int i = 0; i < ctx.inputs().count(); i++)
                {
                    final Input input = ctx.inputs().at(i);
                    listed += ctx.inputs().isPresent(input.label()) ? 1 : 0;
                }
                if (listed != ctx.inputs().count())
                {
                    ctx.metrics().add("badListing", 1);
                }
            }

            private void onCondition(final ProcessingContext ctx, final String label, final long version)
            {
                final Long last = lastVersion.put(label, version);
                if (last == null || last != version)
                {
                    ctx.metrics().add("versions." + label, 1);
                }
                if (last != null && version < last)
                {
                    ctx.metrics().add("regressed." + label, 1);
                }
                ctx.metrics().set("version." + label, version);
            }
        };
    }
}
