package org.jdpl.framework.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.util.List;

import com.typesafe.config.ConfigFactory;
import org.jdpl.framework.catalog.DeviceType;
import org.jdpl.framework.device.Input;
import org.jdpl.framework.device.Outputs;
import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.runner.InProcessDevice;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.OutputSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A declarative device's per-timeslice call allocates nothing, as a hand-written Device's does: the
 * reused Timeslice, ports resolved to positions at init, the function made once. Measured with the
 * thread's allocation counter around the device call alone (outputs go to one reused region).
 */
class DeclaredDeviceAllocationTest
{
    private static final int CALLS = 100_000;

    @Test
    void shouldNotAllocatePerCall() throws Exception
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocated bytes");
        final Scale scale = new Scale();
        final PlannedDevice planned = new PlannedDevice("scale", scale.type(), 1, Completion.ALL, "{factor = 3}",
            List.of(InputSpec.parse("in:TST/NUMBERS")), List.of(OutputSpec.parse("out:TST/SCALED/0")), 0, 1, List.of(), "backoff",
            FailurePolicy.DEFAULT, "test");
        try (Arena arena = Arena.ofConfined())
        {
            final MemorySegment region = arena.allocate(64);
            final TestInputs inputs = new TestInputs(planned.inputs());
            inputs.stage("in", null, arena.allocate(64).fill((byte)1));
            inputs.seal(0); // once: the harness's own staging is not what is measured
            try (InProcessDevice device = new InProcessDevice(DeviceType.of(scale, ConfigFactory.empty()), planned, 0, null,
                new OneRegion(region)))
            {
                device.init();
                // Warm up until the JIT has compiled the path (interpreted code allocates what compiled code does not).
                calls(device, inputs, 0);
                long fewest = Long.MAX_VALUE;
                for (int round = 0; round < 3 && fewest >= CALLS * 4L; round++)
                {
                    final long before = threads.getCurrentThreadAllocatedBytes();
                    calls(device, inputs, CALLS);
                    fewest = Math.min(fewest, threads.getCurrentThreadAllocatedBytes() - before);
                }
                // One object per call is >= 16 B a call; a few KiB of JIT noise is not.
                assertTrue(fewest < CALLS * 4L, fewest + " bytes allocated for " + CALLS + " calls");
                assertEquals(3 * MemorySegment.ofArray(new byte[] {1, 1, 1, 1, 1, 1, 1, 1}).get(ValueLayout.JAVA_DOUBLE_UNALIGNED, 0),
                    region.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, 0), "the calls did the work");
            }
        }
    }

    private static void calls(final InProcessDevice device, final TestInputs inputs, final long first) throws Exception
    {
        for (long t = first; t < first + CALLS; t++)
        {
            device.process(t, inputs);
        }
    }

    /** Outputs into one reused region: the transport's part, kept out of the count. */
    private record OneRegion(MemorySegment region) implements Outputs
    {
        @Override
        public MemorySegment make(final String label, final long sizeBytes)
        {
            return region;
        }

        @Override
        public MemorySegment make(final int position, final long sizeBytes)
        {
            return region;
        }

        @Override
        public void forward(final int position, final Input input)
        {
            throw new UnsupportedOperationException("not used");
        }
    }
}
