package org.jdpl.tools.bench;

import java.util.ArrayList;
import java.util.List;

import org.jdpl.framework.driver.ProcStat;

/** The device processes (DeviceMain, for one device or with --group for a process group) this JVM's runs started, alive now. */
final class DeviceProcesses
{
    private static final String DEVICE_MAIN = "org.jdpl.framework.runner.DeviceMain";

    /** One live device process: its device (or process group) and replica, the last two arguments of its command line. */
    record Running(ProcessHandle process, String device, int replica)
    {
    }

    private DeviceProcesses()
    {
    }

    static List<Running> running()
    {
        final List<Running> running = new ArrayList<>();
        ProcessHandle.current().descendants().forEach(p ->
        {
            final String[] args = ProcStat.commandLine(p.pid()).split(" ");
            final List<String> words = List.of(args);
            if (p.isAlive() && args.length >= 2 && words.contains(DEVICE_MAIN))
            {
                try
                {
                    running.add(new Running(p, args[args.length - 2], Integer.parseInt(args[args.length - 1])));
                }
                catch (final NumberFormatException ex)
                {
                    running.add(new Running(p, args[args.length - 1], 0));
                }
            }
        });
        return running;
    }
}
