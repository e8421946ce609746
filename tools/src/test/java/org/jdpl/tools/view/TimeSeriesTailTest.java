package org.jdpl.tools.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.jdpl.tools.view.TimeSeriesReader.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The time series read while it is written: whole lines only, a line cut short (a Driver killed mid-write) waits. */
class TimeSeriesTailTest
{
    private static final String HEADER = "{\"format\":\"jdpl-timeseries\",\"version\":1,\"periodMs\":1000,\"replicaColumns\":[\"TIMESLICES_IN\",\"TIMESLICES_OUT\"]}\n";

    @TempDir
    Path dir;

    private static String sample(final long ms, final long in)
    {
        return "{\"t\":" + ms + ",\"r\":[[\"sink\",0,\"RUNNING\"," + in + ",0]],\"e\":[],\"h\":[]}\n";
    }

    private void append(final Path file, final String text) throws Exception
    {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void shouldReturnEachWholeLineOnceAndWaitForAnUnfinishedOne() throws Exception
    {
        final Path file = dir.resolve("timeseries.jsonl");
        try (TimeSeriesTail tail = new TimeSeriesTail(file))
        {
            assertEquals(List.of(), tail.poll(), "no file yet");
            append(file, HEADER + sample(1000, 5));
            final String third = sample(3000, 30);
            append(file, sample(2000, 12) + third.substring(0, 20));
            final List<Sample> first = tail.poll();
            assertEquals(List.of(5L, 12L), first.stream().map(s -> s.replicas().getFirst().get("TIMESLICES_IN")).toList());
            assertEquals(List.of(), tail.poll(), "the cut line is not a sample yet");
            append(file, third.substring(20));
            final List<Sample> rest = tail.poll();
            assertEquals(1, rest.size());
            assertEquals(3000, rest.getFirst().epochMs());
            assertEquals(30, rest.getFirst().replicas().getFirst().get("TIMESLICES_IN"));
        }
        assertEquals(3, TimeSeriesReader.read(file).size(), "the whole-file reader agrees");
    }

    @Test
    void shouldStopAtALastLineCutShortWhenReadingTheWholeFile() throws Exception
    {
        final Path file = dir.resolve("timeseries.jsonl");
        append(file, HEADER + sample(1000, 5) + sample(2000, 12).substring(0, 25));
        final List<Sample> samples = TimeSeriesReader.read(file);
        assertEquals(1, samples.size());
        assertEquals(5, samples.getFirst().replicas().getFirst().get("TIMESLICES_IN"));
    }
}
