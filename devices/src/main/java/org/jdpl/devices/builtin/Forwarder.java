package org.jdpl.devices.builtin;

import java.util.concurrent.ThreadLocalRandom;

import org.jdpl.framework.device.DeviceSpec;
import org.jdpl.framework.device.InputPort;
import org.jdpl.framework.device.Option;
import org.jdpl.framework.device.OutputPort;
import org.jdpl.framework.device.ProcessFunction;
import org.jdpl.framework.device.Setup;

/**
 * {@code forwarder}: passes each payload on unchanged, as a pipeline stage for tests and benchmarks.
 * For failure tests it can also misbehave on purpose: throw on every n-th timeslice
 * ({@code fail-every}), or kill its own process at one timeslice ({@code crash-at-timeslice}), the
 * way a real device crashes: no cleanup, no report. For benchmarks it can be a slow stage: busy work
 * of {@code work-us} per timeslice, varied by {@code work-jitter} (busy, not sleeping, because a real
 * reconstruction step uses its core).
 */
public final class Forwarder extends DeviceSpec
{
    public static final String TYPE = "forwarder";
    /** Exit status of a deliberate crash: distinct from every DeviceExitCode. */
    static final int CRASH_EXIT_STATUS = 70;

    private final InputPort in = input("in", "TST/COUNTER");
    private final OutputPort out = output("out", "TST/FORWARD/0");
    private final Option<Long> failEvery = longOption("fail-every", 0, 0, Long.MAX_VALUE,
        "for failure tests: throw from process on every n-th timeslice (ids n-1, 2n-1, ...); 0 = never");
    private final Option<Long> crashAt = longOption("crash-at-timeslice", -1, -1, Long.MAX_VALUE,
        "for failure tests: kill the process (exit status 70, no cleanup) on this timeslice; -1 = never");
    private final Option<Long> workUs = longOption("work-us", 0, 0, 60_000_000,
        "for benchmarks: busy work per timeslice, in microseconds, to make a slow stage; 0 = none");
    private final Option<Double> workJitter = doubleOption("work-jitter", 0, 0, 1,
        "for benchmarks: the work varies uniformly by this fraction either way (0.5: 50%..150% of work-us)");

    public Forwarder()
    {
        super(TYPE, "passes each payload of input 'in' on output 'out', unchanged");
    }

    @Override
    protected ProcessFunction init(final Setup setup)
    {
        final long every = setup.get(failEvery);
        final long crashAtTimeslice = setup.get(crashAt);
        final long workNs = setup.get(workUs) * 1_000;
        final double jitter = setup.get(workJitter);
        return ts ->
        {
            final long timeslice = ts.id();
            if (timeslice == crashAtTimeslice)
            {
                Runtime.getRuntime().halt(CRASH_EXIT_STATUS);
            }
            if (every > 0 && timeslice % every == every - 1)
            {
                throw new IllegalStateException("injected failure on timeslice " + timeslice + " (fail-every = " + every + ")");
            }
            if (workNs > 0)
            {
                work(workNs, jitter);
            }
            ts.forward(out, ts.input(in));
        };
    }

    private static void work(final long workNs, final double jitter)
    {
        final double factor = 1 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        final long untilNs = System.nanoTime() + (long)(workNs * factor);
        while (System.nanoTime() - untilNs < 0)
        {
            Thread.onSpinWait();
        }
    }
}
