package org.jdpl.framework.device;

import java.nio.file.Path;
import java.util.List;

import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.OutputSpec;

/** Who this device instance is in the running topology. */
public interface DeviceInfo
{
    /** The device's name in the topology. */
    String name();

    /** The type name ({@code counter-source}). */
    String type();

    /** 0 .. replicas()-1 */
    int replica();

    /** The pipeline width of this device. */
    int replicas();

    /** Its inputs as the topology resolved them (defaults or overrides). */
    List<InputSpec> inputSpecs();

    /** Its outputs as the topology resolved them: a device that sends by spec finds its labels here. */
    List<OutputSpec> outputSpecs();

    /** Where {@code label} is among {@link #inputSpecs()}, for {@link Inputs#get(int)}; -1 when it has no such input. */
    default int inputPosition(final String label)
    {
        return inputSpecs().stream().map(InputSpec::label).toList().indexOf(label);
    }

    /** Where {@code label} is among {@link #outputSpecs()}, for {@link Outputs#make(int, long)}; -1 when it has no such output. */
    default int outputPosition(final String label)
    {
        return outputSpecs().stream().map(OutputSpec::label).toList().indexOf(label);
    }

    /** The run's directory ({@code runs/<run-id>}): where a device puts files meant for the user after the run. */
    Path runDirectory();
}
