package org.jdpl.framework.driver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.run.RunLayout;

/** Starts device processes of one run: the command line every device JVM gets, in one place. */
final class DeviceLauncher
{
    private static final String DEVICE_MAIN = "org.jdpl.framework.runner.DeviceMain";

    private final DriverContext ctx;
    private final Path runDir;
    private final List<String> commandPrefix = new ArrayList<>();

    DeviceLauncher(final DriverContext ctx, final Path runDir)
    {
        this.ctx = ctx;
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
        return DeviceProcess.start(device, replica, restarts, command, RunLayout.log(runDir, device.name(), replica), ctx.console());
    }
}
