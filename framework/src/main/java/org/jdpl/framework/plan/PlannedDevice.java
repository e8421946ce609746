package org.jdpl.framework.plan;

import java.util.List;

import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.Lifetime;
import org.jdpl.framework.spec.OutputSpec;

/**
 * One device of the plan, with everything its replicas need to run.
 *
 * @param name              the device's name in the topology
 * @param type              the device type ({@code counter-source})
 * @param replicas          pipeline width, >= 1
 * @param completion        completion policy
 * @param options           the device's options, defaults merged, as concise HOCON/JSON
 * @param inputs            resolved inputs
 * @param outputs           resolved outputs
 * @param firstStreamId     replica r receives on stream {@code firstStreamId + r}; 0 when it has no inputs
 * @param upstreamProducers how many producer replicas send to each replica (each sends one end of stream)
 * @param routes            where each output goes
 * @param idleStrategy      {@code backoff} (default) or {@code busy-spin}
 * @param failurePolicy     what happens when it crashes or throws
 * @param origin            where the device is declared ({@code file.conf:12}), for messages
 * @param gpu               the GPU each replica owns; null for a device without GPU
 * @param autoPipelineMax   {@code pipeline = auto}: the most replicas the Driver's warm-up may give it
 *                          ({@code replicas} is 1 until then); 0 for a fixed pipeline
 * @param heapBytes         the heap its process needs ({@code jvm { heap = 2G }}); 0 for the device processes' default
 */
public record PlannedDevice(
    String name,
    String type,
    int replicas,
    Completion completion,
    String options,
    List<InputSpec> inputs,
    List<OutputSpec> outputs,
    int firstStreamId,
    int upstreamProducers,
    List<Route> routes,
    String idleStrategy,
    FailurePolicy failurePolicy,
    String origin,
    GpuPlacement gpu,
    int autoPipelineMax,
    long heapBytes)
{
    /** A device with the default heap. */
    public PlannedDevice(final String name, final String type, final int replicas, final Completion completion, final String options,
        final List<InputSpec> inputs, final List<OutputSpec> outputs, final int firstStreamId, final int upstreamProducers,
        final List<Route> routes, final String idleStrategy, final FailurePolicy failurePolicy, final String origin,
        final GpuPlacement gpu, final int autoPipelineMax)
    {
        this(name, type, replicas, completion, options, inputs, outputs, firstStreamId, upstreamProducers, routes, idleStrategy,
            failurePolicy, origin, gpu, autoPipelineMax, 0);
    }

    /** A device without GPU, with a fixed pipeline. */
    public PlannedDevice(final String name, final String type, final int replicas, final Completion completion, final String options,
        final List<InputSpec> inputs, final List<OutputSpec> outputs, final int firstStreamId, final int upstreamProducers,
        final List<Route> routes, final String idleStrategy, final FailurePolicy failurePolicy, final String origin)
    {
        this(name, type, replicas, completion, options, inputs, outputs, firstStreamId, upstreamProducers, routes, idleStrategy,
            failurePolicy, origin, null, 0);
    }

    /** A device with a fixed pipeline. */
    public PlannedDevice(final String name, final String type, final int replicas, final Completion completion, final String options,
        final List<InputSpec> inputs, final List<OutputSpec> outputs, final int firstStreamId, final int upstreamProducers,
        final List<Route> routes, final String idleStrategy, final FailurePolicy failurePolicy, final String origin,
        final GpuPlacement gpu)
    {
        this(name, type, replicas, completion, options, inputs, outputs, firstStreamId, upstreamProducers, routes, idleStrategy,
            failurePolicy, origin, gpu, 0);
    }

    public boolean usesGpu()
    {
        return gpu != null;
    }

    /** Whether the warm-up chooses its replicas ({@code pipeline = auto}). */
    public boolean isAutoPipeline()
    {
        return autoPipelineMax > 0;
    }

    /** No inputs, or only timers: it makes its own timeslices and ends its own stream. */
    public boolean isSource()
    {
        return inputs.isEmpty() || isTimerDriven();
    }

    /** Every input is a timer ({@code ?lifetime=timer}): a source that is called on a clock. */
    public boolean isTimerDriven()
    {
        return !inputs.isEmpty() && inputs.stream().allMatch(i -> i.lifetime() == Lifetime.TIMER);
    }

    public boolean isSink()
    {
        return routes.isEmpty();
    }
}
