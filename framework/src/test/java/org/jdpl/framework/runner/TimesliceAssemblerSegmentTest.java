package org.jdpl.framework.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.NoOpIdleStrategy;
import org.jdpl.framework.device.Inputs;
import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.spec.DataSpec;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.transport.segment.PayloadSegment;
import org.jdpl.transport.segment.SegmentContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Completion of segment-backed messages: a producer's blocks in a real payload segment, published to
 * the consumer's slot, held while their timeslice waits, and each released exactly when the run is
 * done with it (delivered, a duplicate, late, a condition replaced, the assembler closed), as the
 * producer's count of used bytes shows. A held condition is listed after the inputs that arrived.
 */
class TimesliceAssemblerSegmentTest
{
    private static final DataSpec CLUSTERS = DataSpec.parse("TRK/CLUSTERS/0");
    private static final DataSpec HITS = DataSpec.parse("TRK/HITS/0");
    private static final DataSpec CALIB = DataSpec.parse("TRK/CALIB/0");
    private static final long PAGE = 4096;

    private Path directory;
    private PayloadSegment producer;
    private SegmentAccess consumer;
    private TimesliceAssembler assembler;
    private final List<String> delivered = new ArrayList<>();

    @BeforeEach
    void openSegment() throws IOException
    {
        directory = Files.createTempDirectory(Path.of("/dev/shm"), "jdpl-assembler-test-");
        producer = PayloadSegment.create(directory.resolve("segment"), new SegmentContext().pageSizeBytes(PAGE).sizeBytes(64 * PAGE));
        consumer = new SegmentAccess(PayloadSegment.open(producer.path()), new NoOpIdleStrategy());
    }

    @AfterEach
    void closeSegment() throws IOException
    {
        if (assembler != null)
        {
            assembler.close();
        }
        consumer.close();
        producer.close();
        Files.deleteIfExists(directory.resolve("segment"));
        Files.deleteIfExists(directory);
    }

    private TimesliceAssembler assembler(final Completion completion, final String... inputs)
    {
        assembler = new TimesliceAssembler(List.of(inputs).stream().map(InputSpec::parse).toList(), completion).segment(consumer);
        return assembler;
    }

    /** A block of one page holding {@code value}, published to the consumer, and handed to the assembler. */
    private int send(final int input, final long timeslice, final DataSpec spec, final long value)
    {
        final long ref = producer.tryAllocate(PAGE);
        producer.writable(ref).set(ValueLayout.JAVA_LONG_UNALIGNED, 0, value);
        producer.publish(ref, PayloadSegment.holderBit(consumer.slot()));
        return assembler.onSegmentMessage(input, timeslice, spec, ref, PAGE);
    }

    private List<String> deliver() throws Exception
    {
        assembler.deliver(this::record);
        final List<String> copy = List.copyOf(delivered);
        delivered.clear();
        return copy;
    }

    private void record(final long timeslice, final Inputs inputs)
    {
        final StringBuilder line = new StringBuilder().append(timeslice).append(':');
        for (int i = 0; i < inputs.count(); i++)
        {
            line.append(i == 0 ? "" : ",").append(inputs.at(i).label()).append('=')
                .append(inputs.at(i).payload().get(ValueLayout.JAVA_LONG_UNALIGNED, 0));
        }
        delivered.add(line.toString());
    }

    private long pagesHeld()
    {
        return producer.usedBytes() / PAGE;
    }

    @Test
    void shouldHoldEachBlockUntilItsTimesliceIsDeliveredAndReleaseADuplicateAtOnce() throws Exception
    {
        assembler(Completion.ALL, "clusters:TRK/CLUSTERS", "hits:TRK/HITS");
        assertEquals(TimesliceAssembler.ACCEPTED, send(0, 0, CLUSTERS, 100));
        assertEquals(TimesliceAssembler.ACCEPTED, send(0, 1, CLUSTERS, 101));
        assertEquals(TimesliceAssembler.DUPLICATE, send(0, 1, CLUSTERS, 999));
        assertEquals(2, pagesHeld(), "the duplicate's block is released at once");
        assertEquals(TimesliceAssembler.ACCEPTED, send(1, 1, HITS, 201));
        assertEquals(List.of("1:clusters=101,hits=201"), deliver());
        assertEquals(1, pagesHeld(), "timeslice 1's blocks are released once delivered; timeslice 0's still waits");
        send(1, 0, HITS, 200);
        assertEquals(List.of("0:clusters=100,hits=200"), deliver());
        assertEquals(0, pagesHeld());
    }

    @Test
    void shouldReleaseALateOptionalBlockAndDeliverEachMessageAloneWithAny() throws Exception
    {
        assembler(Completion.ALL, "clusters:TRK/CLUSTERS", "calib:TRK/CALIB?lifetime=optional");
        send(0, 0, CLUSTERS, 100);
        assertEquals(List.of("0:clusters=100"), deliver());
        assertEquals(TimesliceAssembler.LATE, send(1, 0, CALIB, 7));
        assertEquals(0, pagesHeld(), "a late block is released, never handed to another timeslice");
        assembler.close();

        assembler(Completion.ANY, "clusters:TRK/CLUSTERS", "hits:TRK/HITS");
        send(0, 3, CLUSTERS, 103);
        send(1, 3, HITS, 203);
        assertEquals(List.of("3:clusters=103", "3:hits=203"), deliver());
        assertEquals(0, pagesHeld());
    }

    @Test
    void shouldHoldTheLatestConditionReleasingTheOneItReplacesAndTheLastOnClose() throws Exception
    {
        assembler(Completion.ALL, "clusters:TRK/CLUSTERS", "calib:TRK/CALIB?lifetime=condition");
        send(1, 0, CALIB, 7);
        send(0, 0, CLUSTERS, 100);
        assertEquals(List.of("0:clusters=100,calib=7"), deliver());
        assertEquals(1, pagesHeld(), "the condition stays held for the timeslices to come");
        send(1, 1, CALIB, 8);
        assertEquals(1, pagesHeld(), "the replaced condition's block is released");
        send(0, 1, CLUSTERS, 101);
        assertEquals(List.of("1:clusters=101,calib=8"), deliver());
        assembler.close();
        assembler = null;
        assertEquals(0, pagesHeld(), "closing releases the condition it held");
    }
}
