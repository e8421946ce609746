package org.jdpl.gpu.service;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a running service says about itself in its registration file: who it is, where its media
 * driver is, and its counters as of its last write (once a second).
 *
 * @param aeronDir the service's media driver, where clients connect
 * @param pid      the service process: a registration whose pid is gone is a dead service
 */
public record ServiceRecord(String name, ServiceStep step, long pid, Path aeronDir, String gpu, int instances, int maxBatch,
    long maxQueueDelayMs, long startedMs, JsonNode counters)
{
    /** Whether its process is alive (a SIGKILLed service leaves its file behind). */
    public boolean alive()
    {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** A counter as last written, 0 when absent. */
    public double counter(final String name)
    {
        return counters == null ? 0 : counters.path(name).asDouble(0);
    }
}
