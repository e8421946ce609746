package org.jdpl.framework.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * DeviceTester with the payload segment: inputs and outputs in blocks of a real segment file in
 * /dev/shm, freed after each call, against the same device fed from heap memory.
 */
class PayloadSegmentModeTest
{
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final long SEGMENT_BYTES = 8 << 20;

    @Test
    void shouldFeedTheDeviceInPlaceFromTheSegmentAndTakeTheSameOutputsAsFromTheHeap() throws Exception
    {
        final byte[] numbers = numbers(128 * 1024, 0.5); // 1 MiB: a payload that goes by segment in a run
        final List<Path> before = testSegments();
        final byte[] fromHeap;
        try (DeviceTester heap = DeviceTester.of(new Scale()))
        {
            fromHeap = heap.input("in", numbers).process(0).only("out").payload();
        }
        assertEquals(2 * 0.5 * 7, MemorySegment.ofArray(fromHeap).getAtIndex(DOUBLE, 7));
        try (DeviceTester shm = DeviceTester.of(new Scale()).payloadSegment(SEGMENT_BYTES);
            DeviceTester where = DeviceTester.of(new Delay()).payloadSegment(SEGMENT_BYTES))
        {
            for (long ts = 0; ts < 3; ts++)
            {
                assertArrayEquals(fromHeap, shm.input("in", numbers).process(ts).only("out").payload(), "timeslice " + ts);
            }
            where.input("in", numbers).process(0);
            assertEquals(2, testSegments().size() - before.size(), "one segment file in /dev/shm per tester: " + testSegments());
            assertEquals(1, where.metric("input.native"), "the input is the mapped file, not heap memory");
            assertEquals(1, where.metric("input.readOnly"));
        }
        assertEquals(before, testSegments(), "close() removes the segment");
    }

    @Test
    void shouldShowADeviceThatKeepsAPayloadPastItsCallWhatARunWouldShowIt() throws Exception
    {
        final byte[] first = numbers(16 * 1024, 1);
        final byte[] second = numbers(16 * 1024, -1);
        assertArrayEquals(first, delayed(DeviceTester.of(new Delay()).option("copy", false), first, second),
            "from the heap the kept view still holds the first payload: the bug passes");
        assertArrayEquals(second, delayed(DeviceTester.of(new Delay()).option("copy", false).payloadSegment(SEGMENT_BYTES),
            first, second), "through the segment the first payload's pages hold the second by then: the bug shows");
        assertArrayEquals(first, delayed(DeviceTester.of(new Delay()).payloadSegment(SEGMENT_BYTES), first, second),
            "a device that copies what it keeps is right either way");
    }

    @Test
    void shouldSayWhenTheSegmentIsTooSmallAndStillCleanUp() throws Exception
    {
        final List<Path> before = testSegments();
        final IllegalStateException full;
        try (DeviceTester scale = DeviceTester.of(new Scale()).payloadSegment(64 * 1024))
        {
            // The input takes the one 64 KiB page; the output finds none.
            full = assertThrows(IllegalStateException.class, () -> scale.input("in", numbers(8 * 1024, 1)).process(0));
        }
        assertTrue(full.getMessage().contains("give DeviceTester.payloadSegment a larger size"), full.getMessage());
        assertEquals(before, testSegments());
        assertThrows(IllegalArgumentException.class, () -> DeviceTester.of(new Scale()).payloadSegment(0));
    }

    /** What the device sends in the second call, having been given {@code first} then {@code second}. */
    private static byte[] delayed(final DeviceTester tester, final byte[] first, final byte[] second) throws Exception
    {
        try (DeviceTester delay = tester)
        {
            assertTrue(delay.input("in", first).process(0).isEmpty());
            return delay.input("in", second).process(1).only("out").payload();
        }
    }

    private static byte[] numbers(final int count, final double step)
    {
        final MemorySegment numbers = MemorySegment.ofArray(new byte[count * Double.BYTES]);
        for (int i = 0; i < count; i++)
        {
            numbers.setAtIndex(DOUBLE, i, i * step);
        }
        return numbers.toArray(ValueLayout.JAVA_BYTE);
    }

    /** This JVM's test segments in /dev/shm. */
    private static List<Path> testSegments() throws IOException
    {
        try (Stream<Path> entries = Files.list(Path.of("/dev/shm")))
        {
            return entries.filter(p -> p.getFileName().toString().startsWith("jdpl-test-" + ProcessHandle.current().pid() + "-")).sorted().toList();
        }
    }
}
