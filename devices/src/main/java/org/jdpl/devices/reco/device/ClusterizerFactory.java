package org.jdpl.devices.reco.device;

import java.util.List;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;

/**
 * {@code clusterizer}: cells to spacepoints. The module geometry arrives with the cells (the source's
 * {@code modules} output holds every module with cells in the timeframe), so real and simulated data
 * need no geometry option; hits of events without cells pass straight through.
 */
public final class ClusterizerFactory implements DeviceFactory
{
    @Override
    public String type()
    {
        return "clusterizer";
    }

    @Override
    public String description()
    {
        return "cells to clusters (connected components per module) to global spacepoints; passes cell-less events' hits through";
    }

    @Override
    public List<String> inputs()
    {
        return List.of("cells:TRK/CELLS", "modules:TRK/MODULES", "hits:TRK/HITS");
    }

    @Override
    public List<String> outputs()
    {
        return List.of("spacepoints:TRK/SPACEPOINTS/0");
    }

    @Override
    public List<OptionSpec> options()
    {
        return List.of();
    }

    @Override
    public Device create()
    {
        return new ClusterizerDevice();
    }
}
