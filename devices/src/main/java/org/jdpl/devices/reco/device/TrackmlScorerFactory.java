package org.jdpl.devices.reco.device;

import java.util.List;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.device.OptionType;

/** {@code trackml-scorer}: the TrackML score and tracking figures of merit, per timeframe and in total. */
public final class TrackmlScorerFactory implements DeviceFactory
{
    @Override
    public String type()
    {
        return "trackml-scorer";
    }

    @Override
    public String description()
    {
        return "TrackML score, efficiency, fake and duplicate rates, pT resolution; metrics per timeframe, totals at end of stream; " +
            "events without truth are not scored";
    }

    @Override
    public List<String> inputs()
    {
        return List.of("trackhits:TRK/TRACKHITS", "tracks:TRK/TRACKS", "truth:TRK/TRUTH", "particles:TRK/PARTICLES");
    }

    @Override
    public List<String> outputs()
    {
        return List.of();
    }

    @Override
    public List<OptionSpec> options()
    {
        return List.of(
            OptionSpec.ranged("efficiency-pt-min", OptionType.DOUBLE, 0, 1000, "particles above this pT (GeV) count for the efficiency"),
            OptionSpec.ranged("efficiency-min-hits", OptionType.INT, 1, 100, "particles with at least this many hits count for the efficiency"));
    }

    @Override
    public Device create()
    {
        return new TrackmlScorerDevice();
    }
}
