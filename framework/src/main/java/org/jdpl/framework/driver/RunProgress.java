package org.jdpl.framework.driver;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;
import org.jdpl.framework.counters.CounterType;
import org.jdpl.framework.counters.CountersSnapshot;
import org.jdpl.framework.counters.ReplicaSample;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;

/**
 * The progress of a run from its counters: timeframes done (reached every sink), rate, in flight,
 * and an ETA when every source is finite (its {@code timeslices} option). On a terminal one line
 * rewritten in place twice a second; otherwise a line every {@link #LOG_INTERVAL_MS}.
 */
final class RunProgress implements Agent
{
    static final long LINE_INTERVAL_MS = 500;
    static final long LOG_INTERVAL_MS = 5_000;
    private static final String SOURCE_COUNT_OPTION = "timeslices";
    private static final String ERASE_TO_END_OF_LINE = "\u001b[K";

    private final ProgressMode mode;
    private final RunCountersFile file;
    private final Plan plan;
    private final PrintWriter out;
    private final NanoClock clock;
    private final long intervalNs;
    private final long expected;
    private final long startNs;
    private long lastNs;
    private long lastDone;
    private int lastWidth;

    RunProgress(final ProgressMode mode, final RunCountersFile file, final Plan plan, final PrintWriter out, final NanoClock clock)
    {
        this.mode = mode;
        this.file = file;
        this.plan = plan;
        this.out = out;
        this.clock = clock;
        this.intervalNs = TimeUnit.MILLISECONDS.toNanos(mode == ProgressMode.LINE ? LINE_INTERVAL_MS : LOG_INTERVAL_MS);
        this.expected = expectedTimeslices(plan);
        this.startNs = clock.nanoTime();
        this.lastNs = startNs;
    }

    @Override
    public String roleName()
    {
        return "run-progress";
    }

    @Override
    public int doWork()
    {
        final long now = clock.nanoTime();
        if (mode == ProgressMode.OFF || now - lastNs < intervalNs)
        {
            return 0;
        }
        final String line = describe(CountersSnapshot.read(file), now);
        if (mode == ProgressMode.LINE)
        {
            // Erase to the end of the line, then return to its start: a device's log line printed next overwrites
            // the progress line and ends it, and the next update starts on a fresh line below.
            out.print('\r' + line + ERASE_TO_END_OF_LINE + '\r');
            lastWidth = line.length();
        }
        else
        {
            out.println("progress: " + line);
        }
        out.flush();
        return 1;
    }

    /** Ends the live line, so what follows starts on a line of its own. */
    void finish()
    {
        if (mode == ProgressMode.LINE && lastWidth > 0)
        {
            out.println();
            out.flush();
        }
    }

    String describe(final CountersSnapshot snapshot, final long now)
    {
        long produced = 0;
        long done = -1;
        for (final PlannedDevice device : plan.devices())
        {
            long in = 0;
            long outCount = 0;
            for (final ReplicaSample s : snapshot.replicas())
            {
                if (s.device().equals(device.name()))
                {
                    in += s.get(CounterType.TIMESLICES_IN);
                    outCount += s.get(CounterType.TIMESLICES_OUT);
                }
            }
            if (device.isSource())
            {
                produced = Math.max(produced, outCount);
            }
            if (device.isSink() && !device.isSource())
            {
                done = done < 0 ? in : Math.min(done, in);
            }
        }
        done = Math.max(0, done < 0 ? produced : done);
        final double rate = (done - lastDone) * 1e9 / Math.max(1, now - lastNs);
        lastDone = done;
        lastNs = now;
        final StringBuilder text = new StringBuilder()
            .append(done).append(expected > 0 ? "/" + expected : "").append(" timeframes done, ")
            .append(String.format(Locale.ROOT, "%.1f/s", rate))
            .append(", ").append(Math.max(0, produced - done)).append(" in flight")
            .append(", ").append(TimeUnit.NANOSECONDS.toSeconds(now - startNs)).append(" s");
        if (expected > 0)
        {
            text.append(", ETA ").append(rate > 0 ? Math.round((expected - done) / rate) + " s" : "?");
        }
        return text.toString();
    }

    /** The timeframes the sources will make, or 0 when any source is endless (or says nothing). */
    static long expectedTimeslices(final Plan plan)
    {
        long expected = 0;
        for (final PlannedDevice device : plan.devices())
        {
            if (!device.isSource())
            {
                continue;
            }
            try
            {
                final Config options = ConfigFactory.parseString(device.options() == null ? "" : device.options());
                final long n = options.hasPath(SOURCE_COUNT_OPTION) ? options.getLong(SOURCE_COUNT_OPTION) : 0;
                if (n <= 0)
                {
                    return 0;
                }
                expected = Math.max(expected, n);
            }
            catch (final RuntimeException ex)
            {
                return 0;
            }
        }
        return expected;
    }
}
