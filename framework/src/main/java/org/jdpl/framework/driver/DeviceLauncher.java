package org.jdpl.framework.driver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jdpl.framework.gpu.GpuProcessEnvironment;
import org.jdpl.framework.journal.RunJournal;
import org.jdpl.framework.plan.GpuPlacement;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.run.RunLayout;

/** Starts device processes of one run: the command line every device JVM gets, in one place. */
final class DeviceLauncher
{
    private static final String DEVICE_MAIN = "org.jdpl.framework.runner.DeviceMain";

    private final DriverContext ctx;
    private final Path runDir;
    private final RunJournal journal;
    private final List<String> commandPrefix = new ArrayList<>();

    DeviceLauncher(final DriverContext ctx, final Path runDir, final RunJournal journal)
    {
        this.ctx = ctx;
        this.journal = journal;
        this.runDir = runDir.toAbsolutePath();
        commandPrefix.add(ctx.javaCommand());
        commandPrefix.addAll(JvmFlags.load());
        commandPrefix.addAll(ctx.deviceJvmOptions());
    }

    /** Starts replica {@code replica} of {@code device}; {@code restarts} says how many times it was started before. */
    DeviceProcess start(final PlannedDevice device, final int replica, final int restarts)
    {
        final List<String> command = new ArrayList<>(commandPrefix);
        command.add("-Djdpl.device=" + device.name() + "#" + replica);
        command.add("-cp");
        command.add(ctx.classPath());
        command.add(DEVICE_MAIN);
        command.add(RunLayout.manifest(runDir).toString());
        command.add(device.name());
        command.add(Integer.toString(replica));
        return DeviceProcess.start(device, replica, restarts, command, gpuEnvironment(device, replica),
            RunLayout.log(runDir, device.name(), replica), ctx.console(), journal);
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
