package org.jdpl.framework.driver;

import java.util.List;

/**
 * One JVM of the run in the summary: a device replica's own, or a process group replica's, with
 * the device replicas it ran ({@code name#replica}) and the largest resident set sampled, so that
 * what grouping saves in memory shows. Field names are fixed: scripts read them.
 *
 * @param name        {@code device#replica}, or {@code group#replica} for a process group
 * @param group       the process group's name, or null for a device's own process
 * @param pid         its pid (the last one, after restarts)
 * @param devices     the device replicas in it
 * @param rssMaxBytes its largest resident set, 0 when never sampled (it ended within the first sample)
 */
public record ProcessSummary(String name, String group, long pid, List<String> devices, long rssMaxBytes)
{
}
