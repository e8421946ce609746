package org.jdpl.framework.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** How the assembler treats optional, sporadic and condition inputs (the rules in its class comment). */
class LifetimeAssemblyTest
{
    private static final DataSpec DATA = DataSpec.parse("TST/DATA/0");
    private static final DataSpec EXTRA = DataSpec.parse("TST/EXTRA/0");
    private static final DataSpec CALIB = DataSpec.parse("TST/CALIB/0");
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

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

    /** Records "t:label=value,label=value" for every present input, in the order Inputs lists them. */
    private void record(final long timeslice, final Inputs inputs)
    {
        final StringBuilder line = new StringBuilder().append(timeslice).append(':');
        for (int i = 0; i < inputs.count(); i++)
        {
            line.append(i == 0 ? "" : ",").append(inputs.at(i).label()).append('=').append(inputs.at(i).payload().get(LONG, 0));
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
    void shouldCountAnOptionalMessageAfterItsTimesliceAsLateAndNeverDeliverIt() throws Exception
    {
        assembler = new TimesliceAssembler(
            List.of(InputSpec.parse("data:TST/DATA"), InputSpec.parse("extra:TST/EXTRA?lifetime=sporadic")), Completion.ALL);
        send(0, 0, DATA, 10);
        assertEquals(List.of("0:data=10"), deliver());
        assertEquals(TimesliceAssembler.LATE, send(1, 0, EXTRA, 70));
        send(1, 1, EXTRA, 71);
        send(0, 1, DATA, 11);
        assertEquals(List.of("1:extra=71,data=11"), deliver());
        assertEquals(1, assembler.lifetimes().lateInputs());
        assertEquals(0, assembler.pending().count(), "a late message leaves nothing pending");
    }

    @Test
    void shouldCountOptionalMessagesWithNoTimesliceAtEndAsLateNotAsDroppedTimeslices() throws Exception
    {
        assembler = new TimesliceAssembler(
            List.of(InputSpec.parse("data:TST/DATA"), InputSpec.parse("extra:TST/EXTRA?lifetime=optional")), Completion.ALL);
        send(1, 5, EXTRA, 75); // timeslice 5 was dropped upstream: its data never comes
        send(0, 6, DATA, 16);
        assertEquals(List.of("6:data=16"), deliver());
        assertEquals(1, assembler.pending().count());
        assertEquals(0, assembler.dropPending(), "no timeslice was dropped here");
        assertEquals(1, assembler.lifetimes().lateInputs());
    }

    @Test
    void shouldHoldTheLatestConditionForEveryTimesliceUntilReplaced() throws Exception
    {
        assembler = new TimesliceAssembler(
            List.of(InputSpec.parse("data:TST/DATA"), InputSpec.parse("calib:TST/CALIB?lifetime=condition")), Completion.ALL);
        send(1, 0, CALIB, 100);
        send(0, 0, DATA, 10);
        send(0, 1, DATA, 11);
        assertEquals(List.of("0:data=10,calib=100", "1:data=11,calib=100"), deliver());
        send(1, 1, CALIB, 101);
        send(0, 2, DATA, 12);
        assertEquals(List.of("2:data=12,calib=101"), deliver());
        assertEquals(2, assembler.lifetimes().conditionUpdates());
    }

    @Test
    void shouldMakeCompleteTimeslicesWaitForTheFirstCondition() throws Exception
    {
        assembler = new TimesliceAssembler(
            List.of(InputSpec.parse("data:TST/DATA"), InputSpec.parse("calib:TST/CALIB?lifetime=condition")), Completion.ALL);
        send(0, 0, DATA, 10);
        send(0, 1, DATA, 11);
        assertEquals(List.of(), deliver(), "no condition has arrived yet");
        send(1, 0, CALIB, 100);
        assertEquals(List.of("0:data=10,calib=100", "1:data=11,calib=100"), deliver());
    }

    @Test
    void shouldMakeOrderedDeliveryWaitForTheFirstConditionToo() throws Exception
    {
        assembler = new TimesliceAssembler(
            List.of(InputSpec.parse("data:TST/DATA"), InputSpec.parse("calib:TST/CALIB?lifetime=condition")), Completion.ORDERED);
        send(0, 1, DATA, 11);
        send(0, 0, DATA, 10);
        assertEquals(List.of(), deliver());
        send(1, 0, CALIB, 100);
        assertEquals(List.of("0:data=10,calib=100", "1:data=11,calib=100"), deliver());
    }

    @Test
    void shouldMakeAnOrderedReplicaWaitForItsNextIdEvenBeforeItIsSeen() throws Exception
    {
        // replica 1 of 3 expects 1, 4, 7, ...
        assembler = new TimesliceAssembler(List.of(InputSpec.parse("data:TST/DATA")), Completion.ORDERED).sequence(1, 3);
        send(0, 4, DATA, 14);
        send(0, 7, DATA, 17);
        assertEquals(List.of(), deliver(), "1 has not arrived: 4 and 7 wait");
        send(0, 1, DATA, 11);
        assertEquals(List.of("1:data=11", "4:data=14", "7:data=17"), deliver());
        send(0, 13, DATA, 23);
        assertEquals(List.of(), deliver(), "10 is missing");
        assertEquals(1, assembler.deliverRemaining(recorder), "at end of stream the gap is given up on");
        assertEquals(List.of("13:data=23"), deliver());
        assertEquals(1, assembler.gapsSkipped());
    }

    @Test
    void shouldSkipAnOrderedGapOnceTooManyCompleteTimeslicesWaitBehindIt() throws Exception
    {
        assembler = new TimesliceAssembler(List.of(InputSpec.parse("data:TST/DATA")), Completion.ORDERED).sequence(0, 1);
        for (int t = 1; t <= OrderedSequence.MAX_WAITING_BEHIND_GAP; t++)
        {
            send(0, t, DATA, t);
        }
        assertEquals(OrderedSequence.MAX_WAITING_BEHIND_GAP, deliver().size(), "0 never came: the queue behind it went on");
        assertEquals(1, assembler.gapsSkipped());
        send(0, 0, DATA, 0);
        assertEquals(List.of("0:data=0"), deliver(), "a skipped id that comes after all is delivered, not lost");
    }

    @Test
    void shouldDropAtEndTheTimeslicesThatWaitedForAConditionThatNeverCame() throws Exception
    {
        assembler = new TimesliceAssembler(
            List.of(InputSpec.parse("data:TST/DATA"), InputSpec.parse("calib:TST/CALIB?lifetime=condition")), Completion.ALL);
        send(0, 0, DATA, 10);
        send(0, 1, DATA, 11);
        assertEquals(2, assembler.dropPending());
    }
}
