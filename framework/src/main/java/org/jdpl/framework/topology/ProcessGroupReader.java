package org.jdpl.framework.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.ProcessGroup;

/**
 * Reads {@code process = <group>} of each device into process groups, and checks what a group
 * needs: a name of its own (not a device's), one pipeline width for all members (replica r of the
 * group holds replica r of each), and {@code on-crash = stop} (a group dies and would restart as a
 * whole; restarting or carrying on without a group is not supported yet).
 */
final class ProcessGroupReader
{
    private ProcessGroupReader()
    {
    }

    /** The groups, members in declaration order; every problem is added to {@code problems}. */
    static List<ProcessGroup> read(final ConfigObject deviceBlock, final List<TopologyDevice> devices, final List<Problem> problems)
    {
        final Map<String, List<TopologyDevice>> members = new LinkedHashMap<>();
        final Map<String, String> origins = new LinkedHashMap<>();
        for (final TopologyDevice device : devices)
        {
            if (!(deviceBlock.get(device.name()) instanceof ConfigObject block) || block.get(TopologyKeys.PROCESS) == null)
            {
                continue;
            }
            final ConfigValue value = block.get(TopologyKeys.PROCESS);
            final String where = Locations.of(value.origin());
            final String group = groupName(device, value, where, problems);
            if (group == null)
            {
                continue;
            }
            if (!checkMember(device, group, members.get(group), devices, where, problems))
            {
                continue;
            }
            members.computeIfAbsent(group, g -> new ArrayList<>()).add(device);
            origins.putIfAbsent(group, where);
        }
        final List<ProcessGroup> groups = new ArrayList<>();
        for (final Map.Entry<String, List<TopologyDevice>> entry : members.entrySet())
        {
            final List<String> names = entry.getValue().stream().map(TopologyDevice::name).toList();
            groups.add(new ProcessGroup(entry.getKey(), names, entry.getValue().get(0).replicas(), origins.get(entry.getKey())));
        }
        return List.copyOf(groups);
    }

    private static String groupName(final TopologyDevice device, final ConfigValue value, final String where, final List<Problem> problems)
    {
        if (value.valueType() != ConfigValueType.STRING)
        {
            problems.add(new Problem(where, "device '" + device.name() + "': process must name a process group, not " +
                OptionValidator.describe(value), "write process = <group name>; devices with the same name share one JVM"));
            return null;
        }
        final String group = (String)value.unwrapped();
        if (!TopologyKeys.DEVICE_NAME.matcher(group).matches())
        {
            problems.add(new Problem(where, "device '" + device.name() + "': bad process group name '" + group + "'",
                "a group name starts with a lower-case letter, then lower-case letters, digits or '-', at most 32 characters"));
            return null;
        }
        return group;
    }

    private static boolean checkMember(
        final TopologyDevice device,
        final String group,
        final List<TopologyDevice> earlier,
        final List<TopologyDevice> devices,
        final String where,
        final List<Problem> problems)
    {
        for (final TopologyDevice other : devices)
        {
            if (other.name().equals(group))
            {
                problems.add(new Problem(where, "device '" + device.name() + "': process group '" + group + "' has the name of a device",
                    "give the group a name of its own (its processes, logs and summary lines are named after it)"));
                return false;
            }
        }
        if (device.failurePolicy().onCrash() != FailurePolicy.OnCrash.STOP)
        {
            problems.add(new Problem(where, "device '" + device.name() + "' is in process group '" + group + "' with on-crash = " +
                device.failurePolicy().onCrash().name().toLowerCase(java.util.Locale.ROOT) +
                ", which process groups do not support yet (only stop)", "remove on-crash, or take the device out of the group"));
            return false;
        }
        if (earlier != null && earlier.get(0).replicas() != device.replicas())
        {
            final TopologyDevice first = earlier.get(0);
            problems.add(new Problem(where, "device '" + device.name() + "' (pipeline = " + device.replicas() + ") is in process group '" +
                group + "' with '" + first.name() + "' (pipeline = " + first.replicas() + ")",
                "give every device of a group the same pipeline: replica r of the group holds replica r of each device"));
            return false;
        }
        return true;
    }
}
