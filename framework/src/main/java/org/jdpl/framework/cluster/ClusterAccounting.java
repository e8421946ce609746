package org.jdpl.framework.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jdpl.framework.counters.DeviceState;
import org.jdpl.framework.driver.DeviceSummary;
import org.jdpl.framework.driver.RunSummary;
import org.jdpl.framework.driver.TimesliceAccounting;
import org.jdpl.framework.driver.TimesliceTotals;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.run.DeviceReport;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.runner.RunFiles;

/**
 * Accounts for every timeslice of a run across hosts, on the launching host: no host alone can, as a
 * timeslice produced on one is completed by sinks on others. Reads the device reports each agent's
 * run directory holds (the run directories are on the file system every host shares, as the plan
 * and the agents' summaries are). Devices that failed, and every device of a host whose agent died,
 * are where the timeslices they held were lost.
 */
final class ClusterAccounting
{
    private ClusterAccounting()
    {
    }

    static TimesliceTotals totals(final Plan plan, final List<HostOutcome> hosts)
    {
        final List<String> crashes = new ArrayList<>();
        final List<Map.Entry<String, DeviceReport>> reports = new ArrayList<>();
        for (final HostOutcome host : hosts)
        {
            if (host.summary() == null)
            {
                plan.replicasOn(host.host()).forEach(replica -> crashes.add(replica + " on " + host.host() + " (its agent died)"));
                continue;
            }
            for (final DeviceSummary device : host.summary().devices())
            {
                // A device stopped at once (its agent aborted: SIGTERM, exit 143) still ends STOPPED, with its report.
                if (!DeviceState.STOPPED.name().equals(device.state()))
                {
                    crashes.add(device.name() + "#" + device.replica() + " on " + host.host());
                }
                reports.add(Map.entry(device.name(), report(host.summary(), device)));
            }
        }
        final TimesliceAccounting accounting = new TimesliceAccounting(plan, crashes);
        reports.forEach(r -> accounting.add(r.getKey(), r.getValue()));
        return accounting.totals();
    }

    /** The replica's own report; for one that left none, the figures its host's summary shows (enough for what a source produced). */
    private static DeviceReport report(final RunSummary host, final DeviceSummary device)
    {
        final Path file = RunLayout.report(Path.of(host.runDir()), device.name(), device.replica());
        if (Files.isRegularFile(file))
        {
            try
            {
                return RunFiles.readReport(file);
            }
            catch (final IOException ex)
            {
                // cut short by the crash it would have described: the summary's figures stand in
            }
        }
        return new DeviceReport(device.name(), device.replica(), device.state(), device.timeslicesIn(), device.timeslicesOut(),
            device.bytesIn(), device.bytesOut(), device.timeslicesDropped(), device.errors(),
            (long)(device.backPressureSeconds() * 1e9), device.exit(), Map.of(), List.of(), List.of());
    }
}
