package org.jdpl.gpu.service;

import java.util.List;

/**
 * The GPU steps a service can run, each with the input labels it reads and the output label it
 * writes: those of the in-topology device it stands for, so the client device drops into its place.
 */
public enum ServiceStep
{
    SEEDER("gpu-seeder", "service-step", List.of("spacepoints"), "seeds"),
    CLUSTERIZER("gpu-clusterizer", "service-cluster-step", List.of("cells", "modules", "hits"), "spacepoints");

    private final String deviceType;
    private final String clientType;
    private final List<String> inputLabels;
    private final String outputLabel;

    ServiceStep(final String deviceType, final String clientType, final List<String> inputLabels, final String outputLabel)
    {
        this.deviceType = deviceType;
        this.clientType = clientType;
        this.inputLabels = inputLabels;
        this.outputLabel = outputLabel;
    }

    /** The in-topology device type whose work this is ({@code gpu-seeder}). */
    public String deviceType()
    {
        return deviceType;
    }

    /** The client device type with this step's ports ({@code service-step}). */
    public String clientType()
    {
        return clientType;
    }

    public List<String> inputLabels()
    {
        return inputLabels;
    }

    public String outputLabel()
    {
        return outputLabel;
    }

    /** The step named {@code deviceType}, or null. */
    public static ServiceStep of(final String deviceType)
    {
        for (final ServiceStep step : values())
        {
            if (step.deviceType.equals(deviceType))
            {
                return step;
            }
        }
        return null;
    }
}
