package org.jdpl.framework.driver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.NanoClock;
import org.jdpl.framework.counters.CounterType;
import org.jdpl.framework.counters.CountersSnapshot;
import org.jdpl.framework.counters.HostSample;
import org.jdpl.framework.counters.ReplicaSample;
import org.jdpl.framework.counters.RouteSample;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.framework.run.TimeSeriesFormat;

/**
 * Samples a run's counters file every period into the run's time series ({@link TimeSeriesFormat}): one
 * line per sample, written with a single {@code write} on a file opened for appending, so that a Driver
 * killed with SIGKILL leaves every finished line readable (the kernel holds what was written; only a
 * machine crash could lose the last lines, which are not fsync'd). A line format rather than a Chronicle
 * queue: the report and {@code jq} read it without Chronicle's JVM flags, and at one line a second for
 * 20 devices (about 3 KB) it costs nothing worth a binary format. On a launching host of a multi-host
 * run the counters file holds every host's replicas, so its time series does too.
 */
public final class TimeSeriesSampler implements Agent, AutoCloseable
{
    private static final JsonFactory JSON = new JsonFactory();

    private final RunCountersFile counters;
    private final FileChannel out;
    private final NanoClock clock;
    private final EpochClock epochClock;
    private final long periodNs;
    private final List<CounterType> columns = TimeSeriesFormat.replicaColumns();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
    private long lastSampleNs;
    private long samples;
    private boolean failed;

    private TimeSeriesSampler(final RunCountersFile counters, final FileChannel out, final NanoClock clock, final EpochClock epochClock,
        final long periodNs)
    {
        this.counters = counters;
        this.out = out;
        this.clock = clock;
        this.epochClock = epochClock;
        this.periodNs = periodNs;
        this.lastSampleNs = clock.nanoTime() - periodNs;
    }

    /** Creates {@code file} (owner-only) with its header line and samples {@code counters} into it every {@code periodMs}. */
    public static TimeSeriesSampler open(final RunCountersFile counters, final Path file, final long periodMs, final NanoClock clock,
        final EpochClock epochClock)
    {
        try
        {
            RunDirectories.createPrivateFile(file);
            final FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            final TimeSeriesSampler sampler = new TimeSeriesSampler(counters, channel, clock, epochClock, periodMs * 1_000_000L);
            sampler.writeHeader(periodMs);
            return sampler;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create the time series " + file + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public String roleName()
    {
        return "time-series-sampler";
    }

    @Override
    public int doWork()
    {
        final long now = clock.nanoTime();
        if (failed || now - lastSampleNs < periodNs)
        {
            return 0;
        }
        lastSampleNs = now;
        sample();
        return 1;
    }

    /** One last sample, so that the series ends with the run's final counters. */
    public void finish()
    {
        if (!failed)
        {
            sample();
        }
    }

    /** Samples written so far. */
    public long samples()
    {
        return samples;
    }

    @Override
    public void close()
    {
        try
        {
            out.close();
        }
        catch (final IOException ex)
        {
            // nothing buffered here: every line was written whole when it was sampled
        }
    }

    /** Reads the counters and appends one line (the run goes on without its series if the disk refuses). */
    void sample()
    {
        final CountersSnapshot snapshot = CountersSnapshot.read(counters);
        line.reset();
        try (JsonGenerator g = JSON.createGenerator(line))
        {
            g.writeStartObject();
            g.writeNumberField("t", epochClock.time());
            g.writeArrayFieldStart("r");
            for (final ReplicaSample s : snapshot.replicas())
            {
                g.writeStartArray();
                g.writeString(s.device());
                g.writeNumber(s.replica());
                g.writeString(s.state().name());
                for (final CounterType type : columns)
                {
                    g.writeNumber(s.get(type));
                }
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("e");
            for (final ReplicaSample s : snapshot.replicas())
            {
                for (final RouteSample route : s.routes())
                {
                    g.writeStartArray();
                    g.writeString(s.device());
                    g.writeNumber(s.replica());
                    g.writeString(route.consumer());
                    g.writeNumber(route.messages());
                    g.writeNumber(route.bytes());
                    g.writeEndArray();
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("h");
            for (final HostSample h : snapshot.hosts())
            {
                g.writeStartArray();
                g.writeString(h.host());
                g.writeString(h.state().name().toLowerCase(Locale.ROOT));
                g.writeNumber(h.updateMs());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex); // a generator over memory does not fail
        }
        append();
        samples++;
    }

    private void writeHeader(final long periodMs) throws IOException
    {
        try (JsonGenerator g = JSON.createGenerator(line))
        {
            g.writeStartObject();
            g.writeStringField("format", TimeSeriesFormat.FORMAT);
            g.writeNumberField("version", TimeSeriesFormat.VERSION);
            g.writeNumberField("periodMs", periodMs);
            g.writeArrayFieldStart("replicaColumns");
            for (final CounterType type : columns)
            {
                g.writeString(type.name());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        append();
    }

    private void append()
    {
        line.write('\n');
        try
        {
            final ByteBuffer bytes = ByteBuffer.wrap(line.toByteArray());
            while (bytes.hasRemaining())
            {
                out.write(bytes);
            }
        }
        catch (final IOException ex)
        {
            failed = true; // a view of the run, not the run: a full disk costs the series, not the devices
        }
    }
}
