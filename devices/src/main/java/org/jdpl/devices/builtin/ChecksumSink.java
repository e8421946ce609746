package org.jdpl.devices.builtin;

import java.util.BitSet;

import org.jdpl.framework.device.EndOfStreamContext;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.Input;
import org.jdpl.framework.device.Metrics;
import org.jdpl.framework.device.ProcessingContext;
import org.jdpl.framework.device.Device;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a stream of {@link PayloadPattern} payloads: each timeslice exactly once, each payload
 * intact and carrying its own timeslice id. Metrics {@code received}, {@code duplicates},
 * {@code missing} (known at end of stream) and {@code corrupt}.
 */
final class ChecksumSink implements Device
{
    static final String INPUT = "in";
    private static final Logger LOG = LoggerFactory.getLogger(ChecksumSink.class);

    private final BitSet seen = new BitSet();
    private String name;
    private long expected;
    private boolean failOnError;
    private long received;
    private long duplicates;
    private long corrupt;
    private long highest = -1;

    @Override
    public void init(final InitContext ctx)
    {
        name = ctx.info().name();
        expected = ctx.options().getLong("expected-timeslices");
        failOnError = ctx.options().getBoolean("fail-on-error");
        publish(ctx.metrics(), 0);
    }

    @Override
    public void process(final ProcessingContext ctx)
    {
        final Input input = ctx.inputs().get(INPUT);
        final long timeslice = input.timeslice();
        received++;
        if (PayloadPattern.verify(input.payload()) != PayloadPattern.OK ||
            PayloadPattern.timesliceOf(input.payload()) != timeslice ||
            timeslice < 0 || timeslice >= Integer.MAX_VALUE)
        {
            corrupt++;
        }
        else if (seen.get((int)timeslice))
        {
            duplicates++;
        }
        else
        {
            seen.set((int)timeslice);
            highest = Math.max(highest, timeslice);
        }
        publish(ctx.metrics(), 0);
    }

    @Override
    public void endOfStream(final EndOfStreamContext ctx)
    {
        final long wanted = expected > 0 ? expected : highest + 1;
        final long missing = wanted - seen.get(0, (int)wanted).cardinality();
        publish(ctx.metrics(), missing);
        final String result = "checksum-sink '" + name + "': " + received + " received, " + duplicates + " duplicate(s), " +
            missing + " missing, " + corrupt + " corrupt, of " + wanted + " expected";
        if (duplicates + missing + corrupt == 0)
        {
            LOG.info("{}: OK", result);
            return;
        }
        final int firstMissing = seen.nextClearBit(0);
        final String detail = result + (missing > 0 ? " (first missing: " + firstMissing + ")" : "");
        if (failOnError)
        {
            throw new IllegalStateException(detail);
        }
        LOG.warn("{}", detail);
    }

    private void publish(final Metrics metrics, final long missing)
    {
        metrics.set("received", received);
        metrics.set("duplicates", duplicates);
        metrics.set("missing", missing);
        metrics.set("corrupt", corrupt);
    }
}
