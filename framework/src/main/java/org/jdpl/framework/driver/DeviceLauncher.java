package org.jdpl.framework.driver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jdpl.framework.journal.RunJournal;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.ProcessGroup;
import org.jdpl.framework.run.RunLayout;

/** Starts device processes of one run: the command line every device or group JVM gets, in one place. */
final class DeviceLauncher
{
    private static final String DEVICE_MAIN = "org.jdpl.framework.runner.DeviceMain";
    private static final String GROUP_MAIN = "org.jdpl.framework.runner.GroupMain";

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
        final List<String> command = command(DEVICE_MAIN, "-Djdpl.device=" + device.name() + "#" + replica, device.name(), replica);
        final ChildJvm jvm = ChildJvm.start(device.name() + "#" + replica, "device '" + device.name() + "'", command,
            Map.of("JDPL_DEVICE", device.name(), "JDPL_REPLICA", Integer.toString(replica)),
            RunLayout.log(runDir, device.name(), replica), ctx.console(), journal);
        return new DeviceProcess(device, replica, restarts, null, jvm);
    }

    /** Starts replica {@code replica} of process group {@code group}: one JVM, one entry per member. */
    List<DeviceProcess> startGroup(final Plan plan, final ProcessGroup group, final int replica, final int restarts)
    {
        final List<String> command = command(GROUP_MAIN, "-Djdpl.group=" + group.name() + "#" + replica, group.name(), replica);
        final ChildJvm jvm = ChildJvm.start(group.name() + "#" + replica, "process group '" + group.name() + "'", command,
            Map.of("JDPL_GROUP", group.name(), "JDPL_REPLICA", Integer.toString(replica)),
            RunLayout.log(runDir, group.name(), replica), ctx.console(), journal);
        final List<DeviceProcess> members = new ArrayList<>();
        for (final String member : group.devices())
        {
            members.add(new DeviceProcess(plan.device(member), replica, restarts, group, jvm));
        }
        return members;
    }

    private List<String> command(final String main, final String marker, final String name, final int replica)
    {
        final List<String> command = new ArrayList<>(commandPrefix);
        command.add(marker);
        command.add("-cp");
        command.add(ctx.classPath());
        command.add(main);
        command.add(RunLayout.manifest(runDir).toString());
        command.add(name);
        command.add(Integer.toString(replica));
        return command;
    }
}
