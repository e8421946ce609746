package org.jdpl.tools.top;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jdpl.tools.view.TimeSeriesReader.ReplicaValues;
import org.jdpl.tools.view.TimeSeriesReader.Sample;
import org.junit.jupiter.api.Test;

class ThroughputHistoryTest
{
    private static Sample at(final long ms, final long sourceOut, final long sinkIn)
    {
        return new Sample(ms, List.of(
            new ReplicaValues("source", 0, "RUNNING", Map.of("TIMESLICES_OUT", sourceOut, "TIMESLICES_IN", 0L)),
            new ReplicaValues("sink", 0, "RUNNING", Map.of("TIMESLICES_IN", sinkIn))), List.of());
    }

    @Test
    void shouldDrawTheLastMinuteScaledToItsHighestRate()
    {
        final ThroughputHistory history = new ThroughputHistory(Set.of("source"));
        // 80 s of samples every second: the source's rate climbs 1/s each second, the sink takes in nothing
        long out = 0;
        for (int s = 0; s <= 80; s++)
        {
            out += s;
            history.add(at(100_000 + s * 1000L, out, 0));
        }
        final String source = history.sparkline("source#0", 20);
        assertEquals(20, source.length());
        assertEquals('\u2588', source.charAt(19), source); // the highest rate is the last
        for (int i = 1; i < 20; i++)
        {
            assertEquals(true, source.charAt(i) >= source.charAt(i - 1), "rising: " + source);
        }
        // the minute shown starts at 21 s (rate 21..23/s in the first slice) of a maximum of 80/s: a low bar, not the lowest
        assertEquals('\u2583', source.charAt(0), source);
        assertEquals("\u2581".repeat(20), history.sparkline("sink#0", 20), "a replica sampled at zero shows the floor");
        assertEquals(" ".repeat(20), history.sparkline("nobody#0", 20), "nothing sampled: blank");
    }

    @Test
    void shouldPutEachRateWhereItWasSampledAndLeaveTheRestBlank()
    {
        final ThroughputHistory history = new ThroughputHistory(Set.of("source"));
        history.add(at(0, 0, 0));
        history.add(at(57_000, 570, 570));
        history.add(at(60_000, 600, 600));
        final String line = history.sparkline("sink#0", 20);
        assertEquals(" ".repeat(19) + "\u2588", line, "both rates (10/s) end in the minute's last slice");
    }
}
