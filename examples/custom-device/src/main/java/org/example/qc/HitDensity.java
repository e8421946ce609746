package org.example.qc;

import org.jdpl.devices.reco.event.Spacepoints;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.framework.device.DeviceSpec;
import org.jdpl.framework.device.InputPort;
import org.jdpl.framework.device.Option;
import org.jdpl.framework.device.ProcessFunction;
import org.jdpl.framework.device.Setup;

/** {@code hit-density}: a QC sink counting the spacepoints of every event and the events above a limit. */
public final class HitDensity extends DeviceSpec
{
    private final InputPort spacepoints = input("spacepoints", "TRK/SPACEPOINTS");
    private final Option<Long> busyAbove = longOption("busy-above", 5000, 0, Long.MAX_VALUE, "an event with more spacepoints is busy");

    public HitDensity()
    {
        super("hit-density", "QC: spacepoints per event; metrics events, spacepoints, busyEvents, maxPerEvent");
    }

    @Override
    protected ProcessFunction init(final Setup setup)
    {
        final long limit = setup.get(busyAbove);
        final Table table = new Table(Spacepoints.LAYOUT);
        return ts ->
        {
            table.wrap(ts.input(spacepoints).payload());
            for (int event = 0; event < table.eventCount(); event++)
            {
                final int hits = table.eventEnd(event) - table.eventStart(event);
                ts.metrics().add("events", 1);
                ts.metrics().add("spacepoints", hits);
                ts.metrics().add("busyEvents", hits > limit ? 1 : 0);
                ts.metrics().set("maxPerEvent", Math.max(hits, ts.metrics().get("maxPerEvent")));
            }
        };
    }
}
