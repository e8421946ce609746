package org.jdpl.devices.builtin;

import java.lang.foreign.MemorySegment;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.ProcessingContext;

/** Counts timeslices whose two payloads are equal ({@code identical}) or not ({@code different}); logs the first difference. */
final class PayloadCompare implements Device
{
    static final String EXPECTED = "expected";
    static final String ACTUAL = "actual";

    private boolean reported;

    @Override
    public void process(final ProcessingContext ctx)
    {
        final MemorySegment expected = ctx.inputs().get(EXPECTED).payload();
        final MemorySegment actual = ctx.inputs().get(ACTUAL).payload();
        final long mismatch = expected.mismatch(actual);
        ctx.metrics().add(mismatch < 0 ? "identical" : "different", 1);
        if (mismatch >= 0 && !reported)
        {
            reported = true;
            System.out.println("timeslice " + ctx.timeslice() + ": payloads differ from byte " + mismatch + " (expected " +
                expected.byteSize() + " bytes, actual " + actual.byteSize() + ")");
        }
    }
}
