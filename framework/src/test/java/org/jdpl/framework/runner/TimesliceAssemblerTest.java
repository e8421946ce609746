package org.jdpl.framework.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.jdpl.framework.device.Inputs;
import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.spec.DataSpec;
import org.jdpl.framework.spec.InputSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimesliceAssemblerTest
{
    private static final DataSpec CLUSTERS = DataSpec.parse("TRK/CLUSTERS/0");
    private static final DataSpec HITS = DataSpec.parse("TRK/HITS/0");
    private static final DataSpec CALIB = DataSpec.parse("TRK/CALIB/0");

    private final UnsafeBuffer message = new UnsafeBuffer(new byte[64]);
    private final List<String> delivered = new ArrayList<>();
    private final TimesliceHandler recorder = this::record;
    private TimesliceAssembler assembler;

    @AfterEach
    void close()
    {
        if (assembler != null)
        {
            assembler.close();
        }
    }

    /** Records "t:label=value,label=value" with each input's first payload long. */
    private void record(final long timeslice, final Inputs inputs)
    {
        final StringBuilder line = new StringBuilder().append(timeslice).append(':');
        for (int i = 0; i < inputs.count(); i++)
        {
            final long value = inputs.at(i).payload().get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 0);
            line.append(i == 0 ? "" : ",").append(inputs.at(i).label()).append('=').append(value);
            assertEquals(timeslice, inputs.at(i).timeslice());
        }
        delivered.add(line.toString());
    }

    private int send(final int input, final long timeslice, final DataSpec spec, final long value)
    {
        message.putLong(8, value, ByteOrder.LITTLE_ENDIAN);
        return assembler.onMessage(input, timeslice, spec, message, 8, 8);
    }

    private List<String> deliver() throws Exception
    {
        assembler.deliver(recorder);
        final List<String> copy = List.copyOf(delivered);
        delivered.clear();
        return copy;
    }

    @Test
    void shouldCompleteWhenAllRequiredInputsArrivedInterleaved() throws Exception
    {
        assembler = new TimesliceAssembler(
            List.of(InputSpec.parse("clusters:TRK/CLUSTERS"), InputSpec.parse("hits:TRK/HITS")), Completion.ALL);
        send(0, 0, CLUSTERS, 100);
        send(0, 1, CLUSTERS, 101);
        assertEquals(List.of(), deliver());
        assertEquals(2, assembler.pending().count());
        send(1, 1, HITS, 201);
        assertEquals(List.of("1:clusters=101,hits=201"), deliver());
        send(1, 0, HITS, 200);
        send(0, 2, CLUSTERS, 102);
        send(1, 2, HITS, 202);
        assertEquals(List.of("0:clusters=100,hits=200", "2:clusters=102,hits=202"), deliver());
        assertEquals(0, assembler.pending().count());
    }

    @Test
    void shouldIncludeOptionalInputOnlyWhenItArrivedFirst() throws Exception
    {
        assembler = new TimesliceAssembler(
            List.of(InputSpec.parse("clusters:TRK/CLUSTERS"), InputSpec.parse("calib:TRK/CALIB?lifetime=optional")), Completion.ALL);
        send(1, 0, CALIB, 7);
        assertEquals(List.of(), deliver(), "an optional input alone does not complete a timeslice");
        send(0, 0, CLUSTERS, 100);
        send(0, 1, CLUSTERS, 101);
        assertEquals(List.of("0:calib=7,clusters=100", "1:clusters=101"), deliver());
    }

    @Test
    void shouldFailClearlyOnAbsentOrUnknownLabel() throws Exception
    {
        assembler = new TimesliceAssembler(
            List.of(InputSpec.parse("clusters:TRK/CLUSTERS"), InputSpec.parse("calib:TRK/CALIB?lifetime=optional")), Completion.ALL);
        send(0, 5, CLUSTERS, 1);
        final List<Exception> errors = new ArrayList<>();
        assembler.deliver((timeslice, inputs) ->
        {
            assertTrue(inputs.isPresent("clusters"));
            assertFalse(inputs.isPresent("calib"));
            errors.add(assertThrows(IllegalStateException.class, () -> inputs.get("calib")));
            errors.add(assertThrows(IllegalArgumentException.class, () -> inputs.get("tracks")));
        });
        assertTrue(errors.get(0).getMessage().contains("timeslice 5"), errors.get(0).getMessage());
        assertTrue(errors.get(1).getMessage().contains("[clusters, calib]"), errors.get(1).getMessage());
    }

    @Test
    void shouldProcessEachMessageAloneWithAny() throws Exception
    {
        assembler = new TimesliceAssembler(
            List.of(InputSpec.parse("clusters:TRK/CLUSTERS"), InputSpec.parse("hits:TRK/HITS")), Completion.ANY);
        send(1, 3, HITS, 203);
        send(0, 3, CLUSTERS, 103);
        send(0, 3, CLUSTERS, 113);
        assertEquals(List.of("3:hits=203", "3:clusters=103", "3:clusters=113"), deliver());
        assertEquals(0, assembler.pending().count());
    }

    @Test
    void shouldDeliverInIncreasingOrderWithOrdered() throws Exception
    {
        assembler = new TimesliceAssembler(
            List.of(InputSpec.parse("clusters:TRK/CLUSTERS"), InputSpec.parse("hits:TRK/HITS")), Completion.ORDERED);
        send(0, 4, CLUSTERS, 104);
        send(0, 2, CLUSTERS, 102);
        send(1, 4, HITS, 204);
        send(0, 6, CLUSTERS, 106);
        send(1, 6, HITS, 206);
        assertEquals(List.of(), deliver(), "4 and 6 are complete but 2 is not");
        send(1, 2, HITS, 202);
        assertEquals(List.of("2:clusters=102,hits=202", "4:clusters=104,hits=204", "6:clusters=106,hits=206"), deliver());
        send(0, 9, CLUSTERS, 109);
        send(0, 8, CLUSTERS, 108);
        send(1, 8, HITS, 208);
        assertEquals(List.of("8:clusters=108,hits=208"), deliver(), "8 is the smallest seen; 9 waits for its own hits");
    }

    @Test
    void shouldKeepFirstOfDuplicateAndDropIncompleteAtEnd() throws Exception
    {
        assembler = new TimesliceAssembler(
            List.of(InputSpec.parse("clusters:TRK/CLUSTERS"), InputSpec.parse("hits:TRK/HITS")), Completion.ALL);
        assertEquals(TimesliceAssembler.ACCEPTED, send(0, 7, CLUSTERS, 107));
        assertEquals(TimesliceAssembler.DUPLICATE, send(0, 7, CLUSTERS, 999));
        send(0, 3, CLUSTERS, 103);
        send(1, 11, HITS, 211);
        assertEquals(3, assembler.pending().count());
        assertEquals(3, assembler.pending().get(0).timeslice());
        assertEquals(7, assembler.pending().get(1).timeslice());
        assertEquals(11, assembler.pending().get(2).timeslice());
        assertEquals(3, assembler.dropPending());
        assertEquals(0, assembler.pending().count());
        send(1, 7, HITS, 207);
        send(0, 7, CLUSTERS, 117);
        assertEquals(List.of("7:hits=207,clusters=117"), deliver(), "a dropped timeslice starts afresh");
    }

    @Test
    void shouldReuseMemoryAcrossManyTimeslicesOfGrowingPayloads() throws Exception
    {
        assembler = new TimesliceAssembler(List.of(InputSpec.parse("clusters:TRK/CLUSTERS")), Completion.ALL);
        final UnsafeBuffer big = new UnsafeBuffer(new byte[10_000]);
        long total = 0;
        for (int t = 0; t < 1000; t++)
        {
            final int length = (t * 37) % big.capacity();
            big.putByte(0, (byte)t);
            assembler.onMessage(0, t, CLUSTERS, big, 0, Math.max(1, length));
            final long[] seen = {0};
            assembler.deliver((timeslice, inputs) ->
            {
                seen[0] = inputs.get("clusters").payloadBytes();
                assertEquals((byte)timeslice, inputs.get("clusters").payload().get(ValueLayout.JAVA_BYTE, 0));
                assertTrue(inputs.get("clusters").payload().isReadOnly());
            });
            total += seen[0];
        }
        assertTrue(total > 0);
    }
}
