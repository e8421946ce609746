package org.jdpl.devices.builtin;

import java.lang.foreign.MemorySegment;

import org.jdpl.framework.device.DeviceSpec;
import org.jdpl.framework.device.InputPort;
import org.jdpl.framework.device.ProcessFunction;
import org.jdpl.framework.device.Setup;
import org.jdpl.framework.device.Timeslice;

/**
 * {@code payload-compare}: a sink that checks two producers made the same bytes for each timeslice,
 * e.g. a GPU device against its CPU twin; {@code dpl bench gpu} reads its metrics. Counts timeslices
 * whose two payloads are equal ({@code identical}) or not ({@code different}); logs the first difference.
 */
public final class PayloadCompare extends DeviceSpec
{
    private final InputPort expectedIn = input("expected", "TST/EXPECTED");
    private final InputPort actualIn = input("actual", "TST/ACTUAL");

    public PayloadCompare()
    {
        super("payload-compare", "compares the payloads of inputs 'expected' and 'actual' per timeslice, byte for byte; metrics identical, different");
    }

    @Override
    protected ProcessFunction init(final Setup setup)
    {
        return new ProcessFunction()
        {
            private boolean reported;

            @Override
            public void process(final Timeslice ts)
            {
                final MemorySegment expected = ts.input(expectedIn).payload();
                final MemorySegment actual = ts.input(actualIn).payload();
                final long mismatch = expected.mismatch(actual);
                ts.metrics().add(mismatch < 0 ? "identical" : "different", 1);
                if (mismatch >= 0 && !reported)
                {
                    reported = true;
                    System.out.println("timeslice " + ts.id() + ": payloads differ from byte " + mismatch + " (expected " +
                        expected.byteSize() + " bytes, actual " + actual.byteSize() + ")");
                }
            }
        };
    }
}
