package org.jdpl.devices.reco.device;

import java.util.List;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.device.OptionType;

/** {@code trackml-reader}: TrackML CSV events from a directory, K per timeframe. */
public final class TrackmlReaderFactory implements DeviceFactory
{
    public static final String TYPE = "trackml-reader";

    @Override
    public String type()
    {
        return TYPE;
    }

    @Override
    public String description()
    {
        return "reads TrackML events from a directory into timeframes: eventNNN-hits.csv[.gz], and what else is there " +
            "(-cells with detectors.csv[.gz], -truth, -particles; without truth nothing is scored)";
    }

    @Override
    public List<String> inputs()
    {
        return List.of();
    }

    @Override
    public List<String> outputs()
    {
        return SourceOutputs.SPECS;
    }

    @Override
    public List<OptionSpec> options()
    {
        return List.of(
            OptionSpec.of("path", OptionType.PATH, "directory holding the TrackML event files (required)"),
            OptionSpec.ranged("events-per-timeframe", OptionType.INT, 1, 10_000, "events put into one timeframe"),
            OptionSpec.ranged("max-events", OptionType.INT, 0, Integer.MAX_VALUE, "read at most this many events (0: all)"));
    }

    @Override
    public Device create()
    {
        return new TrackmlReaderDevice();
    }
}
