package org.jdpl.framework.driver;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jdpl.framework.gpu.GpuProcessEnvironment;
import org.jdpl.framework.journal.RunJournal;
import org.jdpl.framework.plan.GpuPlacement;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.ProcessGroup;
import org.jdpl.framework.run.RunLayout;

/** Starts device processes of one run: the command line every device or group JVM gets, in one place. */
final class DeviceLauncher
{
    /** The one entry point of device processes: a device's own process is a group of one. */
    private static final String DEVICE_MAIN = "org.jdpl.framework.runner.DeviceMain";
    private static final String GROUP = "--group";

    private final DriverContext ctx;
    private final Path runDir;
    private final RunJournal journal;
    private final Plan plan;
    private final List<String> commandPrefix = new ArrayList<>();

    DeviceLauncher(final DriverContext ctx, final Path runDir, final RunJournal journal, final Plan plan)
    {
        this.ctx = ctx;
        this.plan = plan;
        this.journal = journal;
        this.runDir = runDir.toAbsolutePath();
        commandPrefix.add(ctx.javaCommand());
        commandPrefix.addAll(JvmFlags.load());
        commandPrefix.addAll(ctx.deviceJvmOptions());
    }

    /** Starts replica {@code replica} of {@code device}; {@code restarts} says how many times it was started before. */
    DeviceProcess start(final PlannedDevice device, final int replica, final int restarts)
    {
        final List<String> command =
            command(false, "-Djdpl.device=" + device.name() + "#" + replica, List.of(device), device.name(), replica);
        final ChildJvm jvm = ChildJvm.start(device.name() + "#" + replica, "device '" + device.name() + "'", command,
            environment(Map.of("JDPL_DEVICE", device.name(), "JDPL_REPLICA", Integer.toString(replica)), List.of(device), replica),
            RunLayout.log(runDir, device.name(), replica), ctx.console(), journal);
        return new DeviceProcess(device, replica, restarts, null, jvm);
    }

    /** Starts replica {@code replica} of process group {@code group}: one JVM, one entry per member. */
    List<DeviceProcess> startGroup(final Plan plan, final ProcessGroup group, final int replica, final int restarts)
    {
        final List<PlannedDevice> devices = group.devices().stream().map(plan::device).toList();
        final List<String> command = command(true, "-Djdpl.group=" + group.name() + "#" + replica, devices, group.name(), replica);
        final ChildJvm jvm = ChildJvm.start(group.name() + "#" + replica, "process group '" + group.name() + "'", command,
            environment(Map.of("JDPL_GROUP", group.name(), "JDPL_REPLICA", Integer.toString(replica)), devices, replica),
            RunLayout.log(runDir, group.name(), replica), ctx.console(), journal);
        final List<DeviceProcess> members = new ArrayList<>();
        for (final String member : group.devices())
        {
            members.add(new DeviceProcess(plan.device(member), replica, restarts, group, jvm));
        }
        return members;
    }

    /** The JVM command of a process running {@code devices}: their device libraries go on its class path. */
    private List<String> command(final boolean group, final String marker, final List<PlannedDevice> devices, final String name,
        final int replica)
    {
        final List<String> command = new ArrayList<>(commandPrefix);
        command.addAll(heap(devices));
        command.addAll(AotCache.deviceOptions(group));
        command.add(marker);
        command.add("-cp");
        final List<String> classPath = new ArrayList<>(List.of(ctx.classPath()));
        classPath.addAll(plan.librariesOf(devices));
        command.add(String.join(File.pathSeparator, classPath));
        command.add(DEVICE_MAIN);
        command.add(RunLayout.deviceManifest(runDir).toString());
        if (group)
        {
            command.add(GROUP);
        }
        command.add(name);
        command.add(Integer.toString(replica));
        return command;
    }

    /**
     * The heap the devices of one process asked for ({@code jvm { heap = 2G }}), added up: a process
     * group runs them all in one heap. The last {@code -Xmx} on a command line wins over the default's.
     */
    private static List<String> heap(final List<PlannedDevice> devices)
    {
        final long bytes = devices.stream().mapToLong(PlannedDevice::heapBytes).sum();
        return bytes > 0 ? List.of("-Xmx" + bytes) : List.of();
    }

    /** The process's own variables plus the GPU of the (first) GPU device it runs: one process owns one GPU. */
    private static Map<String, String> environment(final Map<String, String> own, final List<PlannedDevice> devices, final int replica)
    {
        final Map<String, String> environment = new HashMap<>(own);
        for (final PlannedDevice device : devices)
        {
            if (device.usesGpu())
            {
                environment.putAll(gpuEnvironment(device, replica));
                break;
            }
        }
        return environment;
    }

    /** The GPU a replica owns, as its process's environment: backend, index, pool size and the vendor's visibility mask. */
    private static Map<String, String> gpuEnvironment(final PlannedDevice device, final int replica)
    {
        if (!device.usesGpu())
        {
            return Map.of();
        }
        final GpuPlacement gpu = device.gpu();
        final Map<String, String> environment =
            new HashMap<>(GpuProcessEnvironment.of(gpu.backend(), gpu.indexOf(replica), System.getenv()).variables());
        environment.put(GpuProcessEnvironment.MEMORY, Long.toString(gpu.memoryBytes()));
        return environment;
    }
}
