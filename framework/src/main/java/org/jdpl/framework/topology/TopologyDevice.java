package org.jdpl.framework.topology;

import java.util.List;

import org.jdpl.framework.plan.FailurePolicy;

import com.typesafe.config.Config;
import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.OutputSpec;

/**
 * One validated device of the logical topology.
 *
 * @param name          the device's name
 * @param type          its device type
 * @param replicas      {@code pipeline}, >= 1
 * @param completion    completion policy
 * @param idleStrategy  {@code backoff} or {@code busy-spin}
 * @param options       the topology's options over the type's defaults
 * @param inputs        the inputs (the type's, or the topology's override)
 * @param inputOrigins  where each input is written, for messages (the device's line for type defaults)
 * @param outputs       the outputs
 * @param outputOrigins where each output is written
 * @param origin        where the device is declared
 * @param gpu           what its {@code gpu} key asks for; null for a device without GPU
 * @param autoPipelineMax {@code pipeline = auto}: the most replicas the Driver's warm-up may choose
 *                      ({@code pipeline-max}); 0 when the pipeline is a fixed number
 * @param heapBytes     the heap its process needs ({@code jvm { heap = 2G }}); 0 for the default
 */
record TopologyDevice(
    String name,
    String type,
    int replicas,
    Completion completion,
    String idleStrategy,
    FailurePolicy failurePolicy,
    Config options,
    List<InputSpec> inputs,
    List<String> inputOrigins,
    List<OutputSpec> outputs,
    List<String> outputOrigins,
    String origin,
    GpuRequest gpu,
    int autoPipelineMax,
    long heapBytes)
{
}
