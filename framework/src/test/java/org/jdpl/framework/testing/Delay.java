package org.jdpl.framework.testing;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jdpl.framework.device.DeviceSpec;
import org.jdpl.framework.device.InputPort;
import org.jdpl.framework.device.Option;
import org.jdpl.framework.device.OutputPort;
import org.jdpl.framework.device.ProcessFunction;
import org.jdpl.framework.device.Setup;

/**
 * Test device {@code test-delay}: sends, in each call, the payload of the call before. With
 * {@code copy = false} it keeps the input's view instead of a copy: the bug of reading a payload past
 * its call. It says what memory its input was in ({@code input.native}, {@code input.readOnly}).
 */
final class Delay extends DeviceSpec
{
    private final InputPort in = input("in", "TST/NUMBERS");
    private final OutputPort out = output("out", "TST/DELAYED/0");
    private final Option<Boolean> copy = booleanOption("copy", true, "keep a copy of the payload (false: keep its view, a bug)");

    Delay()
    {
        super("test-delay", "sends each call the payload of the call before");
    }

    @Override
    protected ProcessFunction init(final Setup setup)
    {
        final boolean copies = setup.get(copy);
        final Arena kept = setup.onClose(Arena.ofShared());
        final MemorySegment[] previous = new MemorySegment[1];
        return ts ->
        {
            final MemorySegment payload = ts.input(in).payload();
            ts.metrics().set("input.native", payload.isNative() ? 1 : 0);
            ts.metrics().set("input.readOnly", payload.isReadOnly() ? 1 : 0);
            if (previous[0] != null)
            {
                ts.make(out, previous[0].byteSize()).copyFrom(previous[0]);
            }
            previous[0] = copies ? kept.allocate(payload.byteSize()).copyFrom(payload) : payload;
        };
    }
}
