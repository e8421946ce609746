package org.jdpl.gpu.service;

import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.agrona.concurrent.Agent;

/** Rewrites the service's registration with its counters once a second, for {@code dpl status} and the benchmark. */
final class RegistrationAgent implements Agent
{
    private static final long PERIOD_NS = TimeUnit.SECONDS.toNanos(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceRegistry registry;
    private final ServiceRecord base;
    private final ServiceCounters counters;
    private final long startedNs = System.nanoTime();
    private long lastNs;

    RegistrationAgent(final ServiceRegistry registry, final ServiceRecord base, final ServiceCounters counters)
    {
        this.registry = registry;
        this.base = base;
        this.counters = counters;
    }

    @Override
    public int doWork()
    {
        final long now = System.nanoTime();
        if (now - lastNs < PERIOD_NS)
        {
            return 0;
        }
        lastNs = now;
        write();
        return 1;
    }

    void write()
    {
        registry.write(new ServiceRecord(base.name(), base.step(), base.pid(), base.aeronDir(), base.gpu(), base.instances(), base.maxBatch(),
            base.maxQueueDelayMs(), base.startedMs(), JSON.valueToTree(counters.snapshot(System.nanoTime() - startedNs))));
    }

    @Override
    public String roleName()
    {
        return "service-registration";
    }
}
