package org.jdpl.devices.reco.device;

import java.util.List;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.device.OptionType;

/** {@code track-fitter}: helix fit of every track: pT, eta, phi, d0, z0 with uncertainties. */
public final class TrackFitterFactory implements DeviceFactory
{
    @Override
    public String type()
    {
        return "track-fitter";
    }

    @Override
    public String description()
    {
        return "helix fit of each track: pT, eta, phi, d0, z0 with uncertainties and chi2/ndf";
    }

    @Override
    public List<String> inputs()
    {
        return List.of("spacepoints:TRK/SPACEPOINTS", "trackhits:TRK/TRACKHITS");
    }

    @Override
    public List<String> outputs()
    {
        return List.of("tracks:TRK/TRACKS/0");
    }

    @Override
    public List<OptionSpec> options()
    {
        return List.of(OptionSpec.ranged("bfield", OptionType.DOUBLE, 0.1, 10, "solenoid field, tesla"),
            OptionSpec.ranged("uniform-field-half-length", OptionType.DOUBLE, 1, 1e6,
                "mm; the curvature comes from the hits within this |z| when there are four (TrackML: the field weakens beyond ~1200)"));
    }

    @Override
    public Device create()
    {
        return new TrackFitterDevice();
    }
}
