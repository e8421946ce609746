package org.jdpl.devices.reco.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jdpl.devices.reco.event.HitIds;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.devices.reco.event.TrackHits;
import org.jdpl.devices.reco.event.Tracks;
import org.jdpl.devices.reco.io.TrackCsvWriter;
import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.EndOfStreamContext;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.ProcessingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes every event's submission and track parameters into one directory; names them at end of stream. */
final class TrackWriterDevice implements Device
{
    private final StepTime stepTime = new StepTime();
    private static final Logger LOG = LoggerFactory.getLogger(TrackWriterDevice.class);

    private final Table hitIds = new Table(HitIds.LAYOUT);
    private final Table trackHits = new Table(TrackHits.LAYOUT);
    private final Table tracks = new Table(Tracks.LAYOUT);
    private TrackCsvWriter writer;
    private Path directory;
    private long events;
    private long firstEvent = Long.MAX_VALUE;
    private long lastEvent = Long.MIN_VALUE;

    @Override
    public void init(final InitContext ctx) throws IOException
    {
        final String out = ctx.options().getString(TrackWriterFactory.OUT);
        if (out.isBlank() && ctx.info().runDirectory() == null)
        {
            throw new IllegalArgumentException("track-writer '" + ctx.info().name() + "': this run has no run directory; say where to write: " +
                "options { out = <directory> }");
        }
        directory = (out.isBlank() ? ctx.info().runDirectory().resolve("tracks") : Path.of(out)).toAbsolutePath();
        try
        {
            Files.createDirectories(directory);
        }
        catch (final IOException e)
        {
            throw new IOException("track-writer '" + ctx.info().name() + "': cannot create " + directory + " (option 'out'): " + e, e);
        }
        writer = new TrackCsvWriter(ctx.options().getBoolean(TrackWriterFactory.GZIP));
    }

    @Override
    public void process(final ProcessingContext ctx) throws IOException
    {
        final long startNs = System.nanoTime();
        hitIds.wrap(ctx.inputs().get("hitids").payload());
        trackHits.wrap(ctx.inputs().get("trackhits").payload());
        tracks.wrap(ctx.inputs().get("tracks").payload());
        for (int e = 0; e < hitIds.eventCount(); e++)
        {
            writer.write(hitIds, trackHits, tracks, e, directory);
            firstEvent = Math.min(firstEvent, hitIds.eventId(e));
            lastEvent = Math.max(lastEvent, hitIds.eventId(e));
            events++;
        }
        ctx.metrics().set("events", events);
        stepTime.add(ctx.metrics(), startNs);
    }

    @Override
    public void endOfStream(final EndOfStreamContext ctx)
    {
        if (events == 0)
        {
            LOG.info("{}: no events, nothing written to {}", ctx.info().name(), directory);
            return;
        }
        final String files = events == 1 ? writer.submissionName(firstEvent) + " and " + writer.parametersName(firstEvent)
            : events + " events' " + writer.submissionName(firstEvent).replace(String.format("%09d", firstEvent), "NNN") + " and " +
            writer.parametersName(firstEvent).replace(String.format("%09d", firstEvent), "NNN") + String.format(" (NNN %09d to %09d)",
            firstEvent, lastEvent);
        LOG.info("{}: wrote {} in {}", ctx.info().name(), files, directory);
    }
}
