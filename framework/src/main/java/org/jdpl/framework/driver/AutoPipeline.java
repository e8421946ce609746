package org.jdpl.framework.driver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;

/**
 * Chooses the replicas of {@code pipeline = auto} devices from a warm-up's measurements
 * ({@link WarmupProbe}): the input comes at most as fast as the slowest source makes a timeslice
 * (its median time per call, back-pressure excluded, so a throttled source does not hide a slow
 * stage), and a device taking k times that per timeslice needs k replicas to keep up; bounded by
 * the machine's cores and the device's {@code pipeline-max}. A device under
 * {@value #WORTH_REPLICATING_MS} ms per timeslice stays at one: another JVM would cost more than it
 * saves. A device the warm-up could not measure stays at one.
 */
public final class AutoPipeline
{
    static final double WORTH_REPLICATING_MS = 1.0;
    /** Sources faster than this are taken as this fast: the ratio stays finite. */
    private static final double FASTEST_SOURCE_MS = 0.001;

    /**
     * One decision, as the summary JSON shows it ({@code autoPipeline: [{device, replicas, msPerTf, ...}]}).
     *
     * @param msPerTf median ms per timeslice in the warm-up; -1 when not measured
     * @param sourceMsPerTf the slowest source's median ms per timeslice; -1 when not measured
     */
    public record Choice(String device, int replicas, double msPerTf, double sourceMsPerTf, int cores, int max)
    {
        String describe()
        {
            final String why = msPerTf < 0 ? "not measured in the warm-up" :
                String.format("%.2f ms/TF, sources %.3f ms/TF", msPerTf, sourceMsPerTf);
            return "pipeline = auto: " + device + " → " + replicas + (replicas == 1 ? " replica" : " replicas") +
                " (" + why + "; " + cores + (cores == 1 ? " core" : " cores") + ", max " + max + ")";
        }
    }

    private AutoPipeline()
    {
    }

    static List<Choice> choose(final Plan plan, final Map<String, Double> msPerTf, final int cores)
    {
        double sourceMs = -1;
        for (final PlannedDevice device : plan.devices())
        {
            if (device.isSource() && msPerTf.containsKey(device.name()))
            {
                sourceMs = Math.max(sourceMs, msPerTf.get(device.name()));
            }
        }
        final double interval = Math.max(sourceMs, FASTEST_SOURCE_MS);
        final List<Choice> choices = new ArrayList<>();
        for (final PlannedDevice device : plan.devices())
        {
            if (!device.isAutoPipeline())
            {
                continue;
            }
            final Double ms = msPerTf.get(device.name());
            final int bound = Math.max(1, Math.min(cores, device.autoPipelineMax()));
            final int replicas;
            if (ms == null || ms < WORTH_REPLICATING_MS)
            {
                replicas = 1;
            }
            else
            {
                replicas = (int)Math.max(1, Math.min(bound, Math.ceil(ms / interval)));
            }
            choices.add(new Choice(device.name(), replicas, ms == null ? -1 : ms, sourceMs, cores, device.autoPipelineMax()));
        }
        return List.copyOf(choices);
    }

    static Map<String, Integer> replicas(final List<Choice> choices)
    {
        final Map<String, Integer> replicas = new LinkedHashMap<>();
        for (final Choice choice : choices)
        {
            replicas.put(choice.device(), choice.replicas());
        }
        return replicas;
    }
}
