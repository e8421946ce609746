package org.jdpl.framework.counters;

/**
 * One host of a multi-host run as the launching host's counters file held it at one moment.
 *
 * @param host       the host's name
 * @param hostIndex  its index among the plan's hosts
 * @param state      what the launcher knows of it
 * @param updateMs   when its counters last arrived (epoch ms), 0 before the first
 */
public record HostSample(String host, int hostIndex, HostState state, long updateMs)
{
}
