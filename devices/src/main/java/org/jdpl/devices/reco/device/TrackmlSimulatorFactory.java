package org.jdpl.devices.reco.device;

import java.util.List;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.device.OptionType;

/** {@code trackml-simulator}: simulated events with truth on the built-in TrackML detector model. */
public final class TrackmlSimulatorFactory implements DeviceFactory
{
    public static final String TYPE = "trackml-simulator";

    @Override
    public String type()
    {
        return TYPE;
    }

    @Override
    public String description()
    {
        return "simulates events with truth on a parametric TrackML detector (helices in 2 T, scattering, cells, noise)";
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
            OptionSpec.ranged("events", OptionType.INT, 1, Integer.MAX_VALUE, "events to simulate in total"),
            OptionSpec.ranged("events-per-timeframe", OptionType.INT, 1, 10_000, "events put into one timeframe"),
            OptionSpec.ranged("particles-per-event", OptionType.INT, 1, 1_000_000, "charged particles generated per event"),
            OptionSpec.ranged("pt-min", OptionType.DOUBLE, 0.05, 1000, "lowest transverse momentum, GeV (spectrum falls as 1/pT^2)"),
            OptionSpec.ranged("pt-max", OptionType.DOUBLE, 0.05, 10_000, "highest transverse momentum, GeV"),
            OptionSpec.ranged("eta-max", OptionType.DOUBLE, 0, 4.5, "particles are uniform in pseudorapidity up to this |eta|"),
            OptionSpec.ranged("noise-fraction", OptionType.DOUBLE, 0, 10, "noise hits added, as a fraction of the particles' hits"),
            OptionSpec.of("multiple-scattering", OptionType.BOOLEAN, "deflect particles in every module they cross"),
            OptionSpec.ranged("bfield", OptionType.DOUBLE, 0.1, 10, "solenoid field along z, tesla"),
            OptionSpec.of("seed", OptionType.LONG, "random seed; an event depends only on the seed and its event number"));
    }

    @Override
    public Device create()
    {
        return new TrackmlSimulatorDevice();
    }
}
