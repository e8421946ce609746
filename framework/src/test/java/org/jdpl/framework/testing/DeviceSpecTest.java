package org.jdpl.framework.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

import com.typesafe.config.ConfigFactory;
import org.jdpl.framework.catalog.DeviceType;
import org.jdpl.framework.device.DeviceSpec;
import org.jdpl.framework.device.InputPort;
import org.jdpl.framework.device.OutputPort;
import org.jdpl.framework.device.ProcessFunction;
import org.jdpl.framework.device.Setup;
import org.junit.jupiter.api.Test;

/** The declarative device API through the in-process harness: declarations, defaults, ports, the lifecycle and the harness's own checks. */
class DeviceSpecTest
{
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    @Test
    void shouldDeclareTypeInputsOutputsAndOptionsWithTheirDefaults()
    {
        final Scale scale = new Scale();
        assertEquals("test-scale", scale.type());
        assertEquals(List.of("in:TST/NUMBERS"), scale.inputs());
        assertEquals(List.of("out:TST/SCALED/0"), scale.outputs());
        assertEquals(-1e6, scale.options().get(0).min());
        final DeviceType declared = DeviceType.of(scale, ConfigFactory.empty());
        assertEquals(2, declared.defaults().getDouble("factor"));
        final DeviceType repackaged = DeviceType.of(scale, ConfigFactory.parseString("jdpl.device-types.test-scale.factor = 5"));
        assertEquals(5, repackaged.defaults().getDouble("factor"), "reference.conf wins over the declaration");
    }

    @Test
    void shouldProcessWithTheDeclaredDefaultOrTheGivenOption() throws Exception
    {
        try (DeviceTester byDefault = DeviceTester.of(new Scale());
            DeviceTester byThree = DeviceTester.of(new Scale()).option("factor", 3))
        {
            final Message doubled = byDefault.input("in", doubles(1, 2.5)).process(7).only("out");
            assertArrayEquals(new double[] {2, 5}, doubled.segment().toArray(DOUBLE));
            assertEquals(7, doubled.timeslice());
            assertEquals("TST/SCALED/0", doubled.spec().toString());
            assertArrayEquals(new double[] {3, 7.5}, byThree.input("in", doubles(1, 2.5)).process(0).only("out").segment()
                .toArray(DOUBLE));
            assertTrue(byThree.endOfStream().isEmpty());
        }
    }

    @Test
    void shouldRejectBadOptionsAsValidateDoesAndACallWithoutInputs() throws Exception
    {
        final IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
            () -> DeviceTester.of(new Scale()).option("factr", 3).init());
        assertTrue(unknown.getMessage().startsWith("DeviceTester: device 'test-scale': unknown option 'factr' for type 'test-scale'; " +
            "did you mean 'factor'?"), unknown.getMessage());
        final IllegalArgumentException outOfRange = assertThrows(IllegalArgumentException.class,
            () -> DeviceTester.of(new Scale()).option("factor", 1e7).init());
        assertTrue(outOfRange.getMessage().contains("option 'factor' = 10000000 is out of range: it must be -1000000..1000000"),
            outOfRange.getMessage());
        try (DeviceTester scale = DeviceTester.of(new Scale()))
        {
            assertThrows(IllegalStateException.class, () -> scale.process(0));
            assertThrows(IllegalArgumentException.class, () -> scale.input("numbers", doubles(1)));
        }
    }

    @Test
    void shouldRejectALabelOrOptionDeclaredTwiceAndABadSpec()
    {
        final IllegalStateException twice = assertThrows(IllegalStateException.class, () -> new DeviceSpec("twice", "")
        {
            private final InputPort a = input("in", "TST/A");
            private final InputPort b = input("in", "TST/B");

            @Override
            protected ProcessFunction init(final Setup setup)
            {
                return ts -> { };
            }
        });
        assertTrue(twice.getMessage().contains("declares input 'in' twice"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DeviceSpec("bad", "")
        {
            private final OutputPort out = output("out", "TOOLONGORIGIN/X/0");

            @Override
            protected ProcessFunction init(final Setup setup)
            {
                return ts -> { };
            }
        });
    }

    @Test
    void shouldCloseWhatInitRegisteredLastFirstAfterEndOfStreamAndAfterAFailedInit() throws Exception
    {
        final List<String> events = new ArrayList<>();
        try (DeviceTester device = DeviceTester.of(new Lifecycle(events, false)))
        {
            device.input("in", new byte[8]).process(0);
            assertTrue(device.endOfStream().isEmpty());
            assertEquals(List.of("end of stream at 1"), events);
        }
        assertEquals(List.of("end of stream at 1", "closed second", "closed first"), events);

        events.clear();
        final DeviceTester failing = DeviceTester.of(new Lifecycle(events, true));
        final IllegalStateException failure = assertThrows(IllegalStateException.class, failing::init);
        assertEquals("init failed after taking a resource", failure.getMessage());
        assertThrows(IllegalStateException.class, failing::produce, "no calls after a failed init");
        failing.close();
        failing.close();
        assertEquals(List.of("closed first"), events, "closed once, also when init failed half way");
    }

    @Test
    void shouldShowStaleBytesWhereADeviceLeavesItsOutputUnwritten() throws Exception
    {
        try (DeviceTester halfWriter = DeviceTester.of(new DeviceSpec("test-half-writer", "")
        {
            private final OutputPort out = output("out", "TST/HALF/0");

            @Override
            protected ProcessFunction init(final Setup setup)
            {
                return ts -> ts.make(out, 4).set(ValueLayout.JAVA_SHORT_UNALIGNED, 0, (short)0);
            }
        }))
        {
            assertArrayEquals(new byte[] {0, 0, TestOutputs.STALE, TestOutputs.STALE}, halfWriter.produce().only("out").payload());
        }
    }

    @Test
    void shouldFailClearlyOnAPortOfAnotherDeviceType() throws Exception
    {
        final OutputPort foreign = new Donor().out;
        try (DeviceTester borrower = DeviceTester.of(new DeviceSpec("test-borrower", "")
        {
            private final OutputPort own = output("out", "TST/OWN/0");

            @Override
            protected ProcessFunction init(final Setup setup)
            {
                return ts -> ts.make(foreign, 8);
            }
        }))
        {
            final IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, borrower::produce);
            assertTrue(wrong.getMessage().contains("a port of another device type"), wrong.getMessage());
        }
    }

    private static MemorySegment doubles(final double... values)
    {
        return MemorySegment.ofArray(values);
    }

    /** A device type whose output another one borrows, by mistake. */
    private static final class Donor extends DeviceSpec
    {
        private final OutputPort out = output("out", "TST/DONOR/0");

        Donor()
        {
            super("test-donor", "");
        }

        @Override
        protected ProcessFunction init(final Setup setup)
        {
            return ts -> { };
        }
    }

    /** Records its end of stream and the closing of what its init took; its init can fail after the first. */
    private static final class Lifecycle extends DeviceSpec
    {
        private final InputPort in = input("in", "TST/ANY");

        private final List<String> events;
        private final boolean failInit;

        Lifecycle(final List<String> events, final boolean failInit)
        {
            super("test-lifecycle", "records its lifecycle");
            this.events = events;
            this.failInit = failInit;
        }

        @Override
        protected ProcessFunction init(final Setup setup)
        {
            setup.onClose(() -> events.add("closed first"));
            if (failInit)
            {
                throw new IllegalStateException("init failed after taking a resource");
            }
            setup.onClose(() -> events.add("closed second"));
            setup.onEndOfStream(ts -> events.add("end of stream at " + ts.id()));
            return ts -> ts.input(in);
        }
    }
}
