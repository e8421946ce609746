package org.jdpl.devices.builtin;

import java.util.BitSet;

import org.jdpl.framework.device.DeviceSpec;
import org.jdpl.framework.device.Input;
import org.jdpl.framework.device.InputPort;
import org.jdpl.framework.device.Metrics;
import org.jdpl.framework.device.Option;
import org.jdpl.framework.device.ProcessFunction;
import org.jdpl.framework.device.Setup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code checksum-sink}: verifies a stream of {@link PayloadPattern} payloads: each timeslice exactly
 * once, each payload intact and carrying its own timeslice id. Metrics {@code received},
 * {@code duplicates}, {@code missing} (known at end of stream) and {@code corrupt}.
 */
public final class ChecksumSink extends DeviceSpec
{
    public static final String TYPE = "checksum-sink";
    private static final Logger LOG = LoggerFactory.getLogger(ChecksumSink.class);

    private final InputPort in = input("in", "TST/FORWARD");
    private final Option<Long> expectedTimeslices = longOption("expected-timeslices", 0, 0, Integer.MAX_VALUE,
        "how many timeslices (ids 0..n-1) must arrive; 0 = infer as the highest id seen + 1");
    private final Option<Boolean> failOnError = booleanOption("fail-on-error", true,
        "fail at end of stream (and so fail the run) when any timeslice is duplicated, missing or corrupt");

    public ChecksumSink()
    {
        super(TYPE, "verifies every timeslice arrived exactly once with an intact payload; fails the run otherwise");
    }

    @Override
    protected ProcessFunction init(final Setup setup)
    {
        final Tally tally = new Tally(setup.info().name(), setup.get(expectedTimeslices), setup.get(failOnError));
        tally.publish(setup.metrics(), 0);
        setup.onEndOfStream(ts -> tally.end(ts.metrics()));
        return ts ->
        {
            tally.count(ts.input(in));
            tally.publish(ts.metrics(), 0);
        };
    }

    /** What one sink instance has seen. */
    private static final class Tally
    {
        private final BitSet seen = new BitSet();
        private final String name;
        private final long expected;
        private final boolean failOnError;
        private long received;
        private long duplicates;
        private long corrupt;
        private long highest = -1;

        Tally(final String name, final long expected, final boolean failOnError)
        {
            this.name = name;
            this.expected = expected;
            this.failOnError = failOnError;
        }

        void count(final Input input)
        {
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
        }

        void end(final Metrics metrics)
        {
            final long wanted = expected > 0 ? expected : highest + 1;
            final long missing = wanted - seen.get(0, (int)wanted).cardinality();
            publish(metrics, missing);
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

        void publish(final Metrics metrics, final long missing)
        {
            metrics.set("received", received);
            metrics.set("duplicates", duplicates);
            metrics.set("missing", missing);
            metrics.set("corrupt", corrupt);
        }
    }
}
