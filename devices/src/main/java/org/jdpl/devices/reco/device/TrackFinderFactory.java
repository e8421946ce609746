package org.jdpl.devices.reco.device;

import java.util.List;

import org.jdpl.devices.reco.find.FinderConfig;
import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.device.OptionType;
import org.jdpl.framework.device.Options;

/** {@code track-finder}: seeds extended through the layers, shared hits resolved, hit-to-track assignments out. */
public final class TrackFinderFactory implements DeviceFactory
{
    @Override
    public String type()
    {
        return "track-finder";
    }

    @Override
    public String description()
    {
        return "extends seeds through the layers along a refitted helix, resolves shared hits, outputs hit-to-track assignments";
    }

    @Override
    public List<String> inputs()
    {
        return List.of("spacepoints:TRK/SPACEPOINTS", "seeds:TRK/SEEDS");
    }

    @Override
    public List<String> outputs()
    {
        return List.of("trackhits:TRK/TRACKHITS/0");
    }

    @Override
    public List<OptionSpec> options()
    {
        return List.of(
            OptionSpec.ranged("min-hits", OptionType.INT, 3, 30, "fewest hits a track keeps after shared hits are resolved"),
            OptionSpec.ranged("window-scale", OptionType.DOUBLE, 0.1, 20, "scales every search window (1: the built-in ones)"),
            OptionSpec.ranged("bfield", OptionType.DOUBLE, 0.1, 10, "solenoid field, tesla"),
            RecoThreads.OPTION);
    }

    static FinderConfig config(final Options options)
    {
        return new FinderConfig(options.getInt("min-hits"), options.getDouble("window-scale"), options.getDouble("bfield"));
    }

    @Override
    public Device create()
    {
        return new TrackFinderDevice();
    }
}
