package org.jdpl.gpu.reco;

import java.util.List;

import org.jdpl.devices.reco.device.SeederFactory;
import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;

/**
 * {@code gpu-seeder}: the {@code seeder} with the triplet search on the GPU it owns. Same inputs,
 * outputs, options and seeds as its CPU twin, so it drops into the chain in its place.
 */
public final class GpuSeederFactory implements DeviceFactory
{
    private final SeederFactory twin = new SeederFactory();

    @Override
    public String type()
    {
        return "gpu-seeder";
    }

    @Override
    public String description()
    {
        return "seeder on a GPU: a whole timeframe's triplet candidates found on the GPU, re-checked on the host, seeds equal to seeder's";
    }

    @Override
    public List<String> inputs()
    {
        return twin.inputs();
    }

    @Override
    public List<String> outputs()
    {
        return twin.outputs();
    }

    @Override
    public List<OptionSpec> options()
    {
        return twin.options();
    }

    @Override
    public boolean usesGpu()
    {
        return true;
    }

    @Override
    public Device create()
    {
        return new GpuSeederDevice();
    }
}
