package org.jdpl.devices.reco.device;

import java.util.List;

import org.jdpl.devices.reco.seed.SeedConfig;
import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.device.OptionType;
import org.jdpl.framework.device.Options;

/** {@code seeder}: triplet seeds from spacepoints. */
public final class SeederFactory implements DeviceFactory
{
    @Override
    public String type()
    {
        return "seeder";
    }

    @Override
    public String description()
    {
        return "triplet seeding: doublet cuts in r, z, phi; triplet cuts on curvature, impact parameter and slope";
    }

    @Override
    public List<String> inputs()
    {
        return List.of("spacepoints:TRK/SPACEPOINTS");
    }

    @Override
    public List<String> outputs()
    {
        return List.of("seeds:TRK/SEEDS/0");
    }

    @Override
    public List<OptionSpec> options()
    {
        return List.of(
            OptionSpec.ranged("pt-min", OptionType.DOUBLE, 0.05, 100, "lowest seeded transverse momentum, GeV"),
            OptionSpec.ranged("bfield", OptionType.DOUBLE, 0.1, 10, "solenoid field, tesla"),
            OptionSpec.ranged("delta-r-min", OptionType.DOUBLE, 0, 1000, "smallest radial distance within a doublet, mm"),
            OptionSpec.ranged("delta-r-max", OptionType.DOUBLE, 1, 2000, "largest radial distance within a doublet, mm"),
            OptionSpec.ranged("cot-theta-max", OptionType.DOUBLE, 0.1, 100, "largest |cot theta| of a doublet"),
            OptionSpec.ranged("z0-max", OptionType.DOUBLE, 1, 3000, "largest |z| at the beam line of a doublet, mm"),
            OptionSpec.ranged("d0-max", OptionType.DOUBLE, 0.01, 500, "largest transverse impact parameter of a triplet, mm"),
            OptionSpec.ranged("cot-tolerance", OptionType.DOUBLE, 0.0001, 1, "largest slope difference of a triplet's doublets / (1 + cot^2)"),
            OptionSpec.ranged("scattering", OptionType.DOUBLE, 0, 1, "slope kink multiple scattering adds at 1 GeV, rad (falls as 1/p)"),
            OptionSpec.ranged("seeds-per-middle", OptionType.INT, 1, 100, "best triplets kept per middle spacepoint"),
            OptionSpec.ranged("max-volume", OptionType.INT, 7, 18, "seed from volumes up to this id (9 pixels only, 14 with short strips)"),
            OptionSpec.ranged("middle-max-volume", OptionType.INT, 7, 18, "middle spacepoints from volumes up to this id (9: bottom and middle in the pixels)"),
            OptionSpec.ranged("grid-phi-bins", OptionType.INT, 1, 4096, "phi bins of the seeding grid"),
            OptionSpec.ranged("grid-z-bin", OptionType.DOUBLE, 1, 10000, "length of a bin along a layer of the seeding grid (z in a barrel, r in a disk), mm"),
            OptionSpec.ranged("max-skipped-layers", OptionType.INT, 0, 64, "most layers a doublet's line may pass through without a hit"),
            OptionSpec.ranged("tight-pt-min", OptionType.DOUBLE, 0.05, 100, "pt-min of a first pass; a middle without a seed then gets the full cuts, GeV"),
            OptionSpec.ranged("tight-d0-max", OptionType.DOUBLE, 0.01, 500, "d0-max of a first pass, mm"),
            RecoThreads.OPTION);
    }

    /** The seeder's cuts from its options; its GPU twin reads the same options. */
    public static SeedConfig config(final Options options)
    {
        return new SeedConfig(options.getDouble("pt-min"), options.getDouble("bfield"), options.getDouble("delta-r-min"),
            options.getDouble("delta-r-max"), options.getDouble("cot-theta-max"), options.getDouble("z0-max"), options.getDouble("d0-max"),
            options.getDouble("cot-tolerance"), options.getDouble("scattering"), options.getInt("seeds-per-middle"), options.getInt("max-volume"), options.getInt("middle-max-volume"),
            options.getInt("grid-phi-bins"),
            options.getDouble("grid-z-bin"), options.getInt("max-skipped-layers"), options.getDouble("tight-pt-min"), options.getDouble("tight-d0-max"));
    }

    @Override
    public Device create()
    {
        return new SeederDevice();
    }
}
