package org.jdpl.devices.builtin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;

import org.jdpl.framework.testing.DeviceTester;
import org.jdpl.framework.testing.Message;
import org.junit.jupiter.api.Test;

/** The built-in devices called in-process through the device test harness, one timeslice at a time. */
class BuiltinDevicesTest
{
    @Test
    void forwarderShouldPassThePayloadOnUnchangedAndFailOnPurposeWhenTold() throws Exception
    {
        try (DeviceTester forwarder = DeviceTester.of(new Forwarder()).option("fail-every", 3))
        {
            final byte[] first = pattern(0, 100);
            assertArrayEquals(first, forwarder.input("in", first).process(0).only("out").payload());
            assertEquals(1, forwarder.input("in", pattern(1, 100)).process(1).size());
            final IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> forwarder.input("in", pattern(2, 100)).process(2));
            assertEquals("injected failure on timeslice 2 (fail-every = 3)", failure.getMessage());
            assertEquals("TST/FORWARD/0", forwarder.input("in", pattern(3, 100)).process(3).only("out").spec().toString());
        }
    }

    /** Payloads of 1 MiB, as a run carries them: in blocks of a payload segment in /dev/shm, freed after each call. */
    @Test
    void forwarderAndChecksumSinkShouldPassLargePayloadsThroughThePayloadSegment() throws Exception
    {
        try (DeviceTester forwarder = DeviceTester.of(new Forwarder()).payloadSegment(8 << 20);
            DeviceTester sink = DeviceTester.of(new ChecksumSink()).option("expected-timeslices", 4).payloadSegment(8 << 20))
        {
            for (long t = 0; t < 4; t++)
            {
                final Message forwarded = forwarder.input("in", pattern(t, 1 << 20)).process(t).only("out");
                assertEquals(PayloadPattern.OK, PayloadPattern.verify(forwarded.segment()), "timeslice " + t);
                assertEquals(t, PayloadPattern.timesliceOf(forwarded.segment()));
                assertTrue(sink.input("in", forwarded.payload()).process(t).isEmpty());
            }
            assertTrue(sink.endOfStream().isEmpty());
            assertEquals(4, sink.metric("received"));
            assertEquals(0, sink.metric("corrupt") + sink.metric("missing") + sink.metric("duplicates"));
        }
    }

    @Test
    void counterSourceShouldProduceNumberedVerifiablePayloadsThenEndItsStream() throws Exception
    {
        try (DeviceTester source = DeviceTester.of(new CounterSource()).option("timeslices", 3).option("payload-bytes", "1K"))
        {
            for (long t = 0; t < 3; t++)
            {
                assertFalse(source.endOfStreamRequested(), "ended before timeslice " + t);
                final Message message = source.produce().only("out");
                assertEquals(t, message.timeslice());
                assertEquals(1024, message.payload().length);
                assertEquals(PayloadPattern.OK, PayloadPattern.verify(message.segment()));
                assertEquals(t, PayloadPattern.timesliceOf(message.segment()));
            }
            assertTrue(source.endOfStreamRequested());
        }
    }

    @Test
    void counterSourceShouldEndWithoutOutputWhenStopped() throws Exception
    {
        try (DeviceTester source = DeviceTester.of(new CounterSource()).option("timeslices", 0))
        {
            assertEquals(1, source.produce().size());
            source.requestStop();
            assertTrue(source.produce().isEmpty());
            assertTrue(source.endOfStreamRequested());
        }
    }

    @Test
    void checksumSinkShouldCountAndFailAtEndOfStreamOnAMissingDuplicateOrCorruptTimeslice() throws Exception
    {
        try (DeviceTester sink = DeviceTester.of(new ChecksumSink()).option("expected-timeslices", 5))
        {
            for (final long t : new long[] {0, 1, 1, 3})
            {
                assertTrue(sink.input("in", pattern(t, 64)).process(t).isEmpty());
            }
            final byte[] corrupt = pattern(4, 64);
            corrupt[40] ^= 1;
            sink.input("in", corrupt).process(4);
            final IllegalStateException failure = assertThrows(IllegalStateException.class, sink::endOfStream);
            assertEquals("checksum-sink 'checksum-sink': 5 received, 1 duplicate(s), 2 missing, 1 corrupt, of 5 expected (first missing: 2)",
                failure.getMessage());
            assertEquals(5, sink.metric("received"));
            assertEquals(1, sink.metric("duplicates"));
            assertEquals(2, sink.metric("missing"));
            assertEquals(1, sink.metric("corrupt"));
        }
    }

    @Test
    void checksumSinkShouldOnlyWarnWhenToldNotToFail() throws Exception
    {
        try (DeviceTester sink = DeviceTester.of(new ChecksumSink()).name("sink").option("fail-on-error", false))
        {
            sink.input("in", pattern(1, 64)).process(1);
            assertTrue(sink.endOfStream().isEmpty());
            assertEquals(1, sink.metric("missing"), "timeslice 0 of the inferred 2");
        }
    }

    @Test
    void payloadCompareShouldCountIdenticalAndDifferentPairs() throws Exception
    {
        try (DeviceTester compare = DeviceTester.of(new PayloadCompare()))
        {
            compare.input("expected", pattern(0, 64)).input("actual", pattern(0, 64)).process(0);
            compare.input("expected", pattern(1, 64)).input("actual", pattern(2, 64)).process(1);
            compare.input("expected", pattern(3, 64)).input("actual", pattern(3, 32)).process(3);
            assertEquals(1, compare.metric("identical"));
            assertEquals(2, compare.metric("different"));
        }
    }

    private static byte[] pattern(final long timeslice, final int bytes)
    {
        final byte[] payload = new byte[bytes];
        PayloadPattern.fill(MemorySegment.ofArray(payload), timeslice);
        return payload;
    }
}
