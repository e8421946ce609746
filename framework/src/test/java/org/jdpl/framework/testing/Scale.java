package org.jdpl.framework.testing;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.jdpl.framework.device.DeviceSpec;
import org.jdpl.framework.device.InputPort;
import org.jdpl.framework.device.Option;
import org.jdpl.framework.device.OutputPort;
import org.jdpl.framework.device.ProcessFunction;
import org.jdpl.framework.device.Setup;

/** Test device {@code test-scale}: multiplies each double of 'in' by 'factor'; the DeviceSpec example, as a user writes it. */
public final class Scale extends DeviceSpec
{
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private final InputPort in = input("in", "TST/NUMBERS");
    private final OutputPort out = output("out", "TST/SCALED/0");
    private final Option<Double> factor = doubleOption("factor", 2, -1e6, 1e6, "what each number is multiplied by");

    public Scale()
    {
        super("test-scale", "multiplies each double of 'in' by 'factor'");
    }

    @Override
    protected ProcessFunction init(final Setup setup)
    {
        final double f = setup.get(factor);
        return ts ->
        {
            final MemorySegment numbers = ts.input(in).payload();
            final MemorySegment scaled = ts.make(out, numbers.byteSize());
            for (long at = 0; at < numbers.byteSize(); at += Double.BYTES)
            {
                scaled.set(DOUBLE, at, numbers.get(DOUBLE, at) * f);
            }
        };
    }
}
