package org.jdpl.framework.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jdpl.framework.gpu.GpuAssigner;
import org.jdpl.framework.gpu.GpuAssignment;
import org.jdpl.framework.gpu.GpuDiscovery;
import org.jdpl.framework.gpu.GpuInventory;
import org.jdpl.framework.gpu.GpuReplica;
import org.jdpl.framework.plan.GpuPlacement;

/**
 * Gives every replica of every GPU device its GPU, after validation: discovers the GPUs of each
 * backend asked for (only when some device needs a GPU), assigns distinct indices, and reports
 * what prevents it at the {@code gpu} key (or device) it concerns. GPUs are shared only when a
 * device of the backend says {@code gpu.share = true}.
 */
final class GpuPlanning
{
    private GpuPlanning()
    {
    }

    /** The placement of each GPU device by name; empty when none needs a GPU or there are problems (reported). */
    static Map<String, GpuPlacement> place(final Topology topology, final GpuDiscovery discovery, final List<Problem> problems)
    {
        final Map<String, List<TopologyDevice>> byBackend = new LinkedHashMap<>();
        for (final TopologyDevice device : topology.devices())
        {
            if (device.gpu() != null)
            {
                byBackend.computeIfAbsent(device.gpu().backend(), b -> new ArrayList<>()).add(device);
            }
        }
        final Map<String, GpuPlacement> placements = new HashMap<>();
        for (final Map.Entry<String, List<TopologyDevice>> group : byBackend.entrySet())
        {
            place(group.getValue(), discovery.discover(group.getKey()), placements, problems);
        }
        return problems.isEmpty() ? placements : Map.of();
    }

    private static void place(final List<TopologyDevice> devices, final GpuInventory gpus, final Map<String, GpuPlacement> placements,
        final List<Problem> problems)
    {
        final List<GpuReplica> replicas = new ArrayList<>();
        boolean share = false;
        for (final TopologyDevice device : devices)
        {
            share |= device.gpu().share();
            for (int r = 0; r < device.replicas(); r++)
            {
                replicas.add(new GpuReplica(device.name(), r, device.gpu().index()));
            }
        }
        final GpuAssignment assignment = GpuAssigner.assign(replicas, gpus, share);
        for (final String problem : assignment.problems())
        {
            // The assigner's lines say what is wrong, then after "; " what to do.
            final int split = problem.indexOf("; ");
            final String message = split < 0 ? problem : problem.substring(0, split);
            final String hint = split < 0 ? hint(gpus) : problem.substring(split + 2);
            problems.add(new Problem(where(problem, devices, gpus), message, hint));
        }
        if (!assignment.isValid())
        {
            return;
        }
        for (final TopologyDevice device : devices)
        {
            final List<Integer> indices = new ArrayList<>();
            for (int r = 0; r < device.replicas(); r++)
            {
                indices.add(assignment.indexOf(device.name(), r));
            }
            placements.put(device.name(), new GpuPlacement(gpus.backend(), indices, share, device.gpu().memoryBytes(), gpus.discovery()));
        }
    }

    /** The gpu key of the device the problem names, else of the device whose replicas outnumber the GPUs. */
    private static String where(final String problem, final List<TopologyDevice> devices, final GpuInventory gpus)
    {
        for (final TopologyDevice device : devices)
        {
            if (problem.startsWith(device.name() + "#"))
            {
                return device.gpu().origin();
            }
        }
        int replicas = 0;
        for (final TopologyDevice device : devices)
        {
            replicas += device.replicas();
            if (replicas > gpus.deviceCount())
            {
                return device.gpu().origin();
            }
        }
        return devices.get(devices.size() - 1).gpu().origin();
    }

    private static String hint(final GpuInventory gpus)
    {
        return gpus.isAvailable() ? "" : "GPU devices need a backend: put jdpl-gpu-devices on the class path, or run where " +
            gpus.backend() + " is available";
    }
}
