package org.jdpl.devices.reco.device;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jdpl.devices.reco.event.SourceEvent;
import org.jdpl.devices.reco.geometry.DetectorGeometry;
import org.jdpl.devices.reco.io.DetectorFile;
import org.jdpl.devices.reco.io.TrackmlEventFiles;
import org.jdpl.devices.reco.io.TrackmlFormatException;
import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.ProcessingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends the directory's events, K per timeslice, then ends the stream; says at start what the directory holds. */
final class TrackmlReaderDevice implements Device
{
    private final StepTime stepTime = new StepTime();
    private static final Logger LOG = LoggerFactory.getLogger(TrackmlReaderDevice.class);

    private final SourceOutputs outputs = SourceOutputs.create();
    private TrackmlEventFiles files;
    private List<Long> eventIds;
    private DetectorGeometry geometry;
    private int perTimeframe;
    private int next;

    @Override
    public void init(final InitContext ctx)
    {
        final String path = ctx.options().getString("path");
        if (path == null || path.isBlank())
        {
            throw new TrackmlFormatException("device '" + ctx.info().name() + "': option 'path' is empty; give the event directory, " +
                "e.g. --set " + ctx.info().name() + ".path=/data/trackml");
        }
        final Path directory = Path.of(path);
        files = TrackmlEventFiles.scan(directory);
        eventIds = files.eventIds();
        final int max = ctx.options().getInt("max-events");
        if (max > 0 && eventIds.size() > max)
        {
            eventIds = eventIds.subList(0, max);
        }
        perTimeframe = ctx.options().getInt("events-per-timeframe");
        geometry = files.detectors() != null ? DetectorFile.read(files.detectors()) : new DetectorGeometry(0);
        LOG.info("{}: {}: {}", ctx.info().name(), directory, files.describe(eventIds));
    }

    @Override
    public void process(final ProcessingContext ctx)
    {
        final long startNs = System.nanoTime();
        final List<SourceEvent> events = new ArrayList<>(perTimeframe);
        while (events.size() < perTimeframe && next < eventIds.size())
        {
            events.add(files.read(eventIds.get(next++)));
        }
        outputs.write(events, geometry, ctx.outputs());
        ctx.metrics().add("events", events.size());
        if (next >= eventIds.size())
        {
            ctx.control().endOfStream();
        }
        stepTime.add(ctx.metrics(), startNs);
    }
}
