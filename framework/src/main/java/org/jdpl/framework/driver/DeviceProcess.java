package org.jdpl.framework.driver;

import java.util.List;
import java.util.Map;

import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.ProcessGroup;

/**
 * One device replica as the Driver supervises it: the device, its replica, and the JVM it runs in.
 * A device in no process group has a JVM of its own; the members of a group replica share one, so
 * they are started, sampled and die together, while counters, reports and summary lines stay per
 * device replica.
 */
final class DeviceProcess
{
    private final PlannedDevice planned;
    private final int replica;
    private final int restarts;
    private final ProcessGroup group;
    private final ChildJvm jvm;

    /** @param group the process group it runs in, or null for a JVM of its own */
    DeviceProcess(final PlannedDevice planned, final int replica, final int restarts, final ProcessGroup group, final ChildJvm jvm)
    {
        this.planned = planned;
        this.replica = replica;
        this.restarts = restarts;
        this.group = group;
        this.jvm = jvm;
    }

    String device()
    {
        return planned.name();
    }

    PlannedDevice planned()
    {
        return planned;
    }

    /** How many times this replica was started before this process. */
    int restarts()
    {
        return restarts;
    }

    int replica()
    {
        return replica;
    }

    /** {@code name#r}: this device replica. */
    String label()
    {
        return planned.name() + "#" + replica;
    }

    /** The process group it runs in, or null when the JVM is its own. */
    ProcessGroup group()
    {
        return group;
    }

    /** The JVM it runs in (shared with the other members of its group). */
    ChildJvm jvm()
    {
        return jvm;
    }

    long pid()
    {
        return jvm.pid();
    }

    /** Polls the process; true once it has exited (and its output has been read to the end). */
    boolean pollExited()
    {
        return jvm.pollExited();
    }

    int exitCode()
    {
        return jvm.exitCode();
    }

    List<String> lastLines()
    {
        return jvm.lastLines();
    }

    /** Asks the process to stop (SIGTERM); for a group member, the whole group's. */
    void terminate()
    {
        jvm.terminate();
    }

    /** Kills the process (SIGKILL); for a group member, the whole group's. */
    void kill()
    {
        jvm.kill();
    }
}
