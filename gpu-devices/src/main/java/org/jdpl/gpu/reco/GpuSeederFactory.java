package org.jdpl.gpu.reco;

import org.jdpl.devices.reco.device.SeederFactory;
import org.jdpl.framework.device.Device;

/**
 * {@code gpu-seeder}: the {@code seeder} with the triplet search on the GPU it owns. Same inputs,
 * outputs, options and seeds as its CPU twin, so it drops into the chain in its place.
 */
public final class GpuSeederFactory extends GpuTwinFactory
{
    public GpuSeederFactory()
    {
        super(new SeederFactory());
    }

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
    public Device create()
    {
        return new GpuSeederDevice();
    }
}
