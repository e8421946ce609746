package org.jdpl.framework.driver;

import java.util.ArrayList;
import java.util.List;

import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;

/** One line per GPU device of a plan, for the console at start, the journal and the summary: its GPUs and how the backend was chosen. */
final class GpuLines
{
    private GpuLines()
    {
    }

    static List<String> of(final Plan plan)
    {
        final List<String> lines = new ArrayList<>();
        for (final PlannedDevice device : plan.devices())
        {
            if (device.usesGpu())
            {
                lines.add(device.name() + " on " + device.gpu().describe() + ", " + (device.gpu().memoryBytes() >> 20) +
                    " MiB pool each; " + device.gpu().discovery());
            }
        }
        return List.copyOf(lines);
    }
}
