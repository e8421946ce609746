package org.jdpl.tools.view;

/**
 * One device replica as the inspection commands show it: totals, and rates over the last interval.
 *
 * @param host         the host it runs on in a multi-host run, "" otherwise
 * @param hostState    what the launching host knows of that host (see {@link HostStatus}), "" in a single-host run
 * @param bpPercent    share of the interval spent blocked on back-pressure
 * @param idlePercent  share of the interval the runner had nothing to do
 * @param cpuPercent   CPU use of its process (100 = one core)
 * @param gpuPercent   busy share of its GPU, or -1 without one
 * @param exitCode     its process's exit code, or -1 while it runs
 * @param heartbeatAgeMs how long since its loop last went round or finished a timeslice, or -1 before it started
 */
public record ReplicaRow(
    String device,
    int replica,
    String host,
    String hostState,
    String state,
    boolean paused,
    long timeslicesIn,
    long timeslicesOut,
    double inPerSecond,
    double outPerSecond,
    double mbInPerSecond,
    double mbOutPerSecond,
    long p50Nanos,
    long p99Nanos,
    double bpPercent,
    double idlePercent,
    double cpuPercent,
    long rssBytes,
    double gpuPercent,
    long pid,
    long exitCode,
    long heartbeatAgeMs,
    long errors)
{
    public String label()
    {
        return device + "#" + replica;
    }

    /** The host column: the host, and how it is when not live ({@code h2 dead}). */
    public String hostColumn()
    {
        return hostState.isEmpty() || hostState.equals(HostStatus.LIVE) ? host : host + " " + hostState;
    }
}
