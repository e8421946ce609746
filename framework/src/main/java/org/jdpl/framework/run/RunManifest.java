package org.jdpl.framework.run;

import org.jdpl.framework.plan.Plan;

/**
 * What a device process is told about its run, written by the Driver as {@code run.json} in the
 * persistent run directory before any device starts.
 *
 * @param runId     the run's id ({@code 20261122-011500-ab12})
 * @param runDir    persistent directory: logs, reports, summary
 * @param shmDir    shared-memory directory under /dev/shm: Aeron files, payload segment, counters
 * @param aeronDir  the media driver's directory (inside shmDir)
 * @param driverPid pid of the Driver; devices exit when it is gone
 * @param plan      the resolved plan
 */
public record RunManifest(String runId, String runDir, String shmDir, String aeronDir, long driverPid, Plan plan)
{
}
