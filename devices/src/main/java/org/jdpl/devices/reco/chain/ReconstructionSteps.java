package org.jdpl.devices.reco.chain;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.function.LongFunction;

import org.jdpl.devices.reco.cluster.Clusterizer;
import org.jdpl.devices.reco.event.Cells;
import org.jdpl.devices.reco.event.EventSpacepoints;
import org.jdpl.devices.reco.event.Modules;
import org.jdpl.devices.reco.event.Particles;
import org.jdpl.devices.reco.event.Seeds;
import org.jdpl.devices.reco.event.SpacepointBuffer;
import org.jdpl.devices.reco.event.Spacepoints;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.devices.reco.event.TrackHits;
import org.jdpl.devices.reco.event.Tracks;
import org.jdpl.devices.reco.event.Truth;
import org.jdpl.devices.reco.find.FinderConfig;
import org.jdpl.devices.reco.find.TrackCandidates;
import org.jdpl.devices.reco.find.TrackFinder;
import org.jdpl.devices.reco.find.TrackHitBuffer;
import org.jdpl.devices.reco.fit.TrackFitter;
import org.jdpl.devices.reco.fit.TrackParameterBuffer;
import org.jdpl.devices.reco.score.ScoreTally;
import org.jdpl.devices.reco.score.TrackmlScorer;
import org.jdpl.devices.reco.seed.SeedBuffer;
import org.jdpl.devices.reco.seed.SeedConfig;
import org.jdpl.devices.reco.seed.SeedFinder;
import org.jdpl.devices.reco.seed.SeedTableWriter;

/**
 * Each step of the chain as one call from input payloads to an output payload: what each device does
 * per timeslice, without the framework. Output memory comes from the given allocator. Seeding and
 * track finding may spread a timeframe's events over several threads ({@link EventWorkers}); each
 * event is still handled whole by one thread with its own working state, and the events' results are
 * written in event order, so the output bytes do not depend on the number of threads. One caller
 * thread per instance; all working memory is reused between timeframes. Closed by whoever made it.
 */
public final class ReconstructionSteps implements AutoCloseable
{
    private final Clusterizer clusterizer = new Clusterizer();
    private final EventWorkers workers;
    private final SeedFinder[] seedFinders;
    private final TrackFinder[] trackFinders;
    private EventSpacepoints[] eventSpacepoints = new EventSpacepoints[0];
    private SeedBuffer[] eventSeeds = new SeedBuffer[0];
    private TrackCandidates[] eventTracks = new TrackCandidates[0];
    private final EventWorkers.Task seedEvent = this::seedEvent;
    private final EventWorkers.Task findEvent = this::findEvent;
    private final TrackFitter trackFitter;
    private final TrackmlScorer scorer;
    private final EventSpacepoints spacepoints = new EventSpacepoints();
    private final SpacepointBuffer spacepointBuffer = new SpacepointBuffer();
    private final SeedTableWriter seedWriter = new SeedTableWriter();
    private final TrackHitBuffer trackHitBuffer = new TrackHitBuffer();
    private final TrackParameterBuffer parameters = new TrackParameterBuffer();
    private final Table cellsIn = new Table(Cells.LAYOUT);
    private final Table modulesIn = new Table(Modules.LAYOUT);
    private final Table hitsIn = new Table(Spacepoints.LAYOUT);
    private final Table spacepointsIn = new Table(Spacepoints.LAYOUT);
    private final Table seedsIn = new Table(Seeds.LAYOUT);
    private final Table trackHitsIn = new Table(TrackHits.LAYOUT);
    private final Table tracksIn = new Table(Tracks.LAYOUT);
    private final Table truthIn = new Table(Truth.LAYOUT);
    private final Table particlesIn = new Table(Particles.LAYOUT);

    public ReconstructionSteps(final SeedConfig seedConfig, final FinderConfig finderConfig, final double uniformFieldHalfLengthMm,
        final double efficiencyPtMin, final int efficiencyMinHits)
    {
        this(seedConfig, finderConfig, uniformFieldHalfLengthMm, efficiencyPtMin, efficiencyMinHits, 1);
    }

    /** As the other constructor, seeding and finding tracks on {@code threads} threads (the caller's among them). */
    public ReconstructionSteps(final SeedConfig seedConfig, final FinderConfig finderConfig, final double uniformFieldHalfLengthMm,
        final double efficiencyPtMin, final int efficiencyMinHits, final int threads)
    {
        workers = new EventWorkers(threads, "reco");
        seedFinders = new SeedFinder[threads];
        trackFinders = new TrackFinder[threads];
        for (int w = 0; w < threads; w++)
        {
            seedFinders[w] = new SeedFinder(seedConfig);
            trackFinders[w] = new TrackFinder(finderConfig);
        }
        trackFitter = new TrackFitter(finderConfig.bFieldTesla(), uniformFieldHalfLengthMm);
        scorer = new TrackmlScorer(efficiencyPtMin, efficiencyMinHits);
    }

    /** The TrackML field weakens beyond about |z| = 1200 mm. */
    public static final double TRACKML_UNIFORM_FIELD_HALF_LENGTH_MM = 1200;

    public static ReconstructionSteps withDefaults()
    {
        return withDefaults(TRACKML_UNIFORM_FIELD_HALF_LENGTH_MM);
    }

    /** Defaults, with the |z| up to which the field is taken as uniform in the fit. */
    public static ReconstructionSteps withDefaults(final double uniformFieldHalfLengthMm)
    {
        return new ReconstructionSteps(SeedConfig.defaults(), FinderConfig.defaults(), uniformFieldHalfLengthMm, 1.0, 4);
    }

    /** Cells (with their modules' geometry) and pre-made hits to spacepoints. */
    public void clusterize(final MemorySegment cells, final MemorySegment modules, final MemorySegment hits,
        final LongFunction<MemorySegment> allocate)
    {
        cellsIn.wrap(cells);
        modulesIn.wrap(modules);
        hitsIn.wrap(hits);
        spacepointBuffer.clear();
        for (int e = 0; e < cellsIn.eventCount(); e++)
        {
            spacepointBuffer.beginEvent(cellsIn.eventId(e));
            clusterizer.clusterEvent(cellsIn, modulesIn, hitsIn, e, spacepointBuffer);
        }
        spacepointBuffer.writeTo(allocate);
    }

    public Clusterizer clusterizer()
    {
        return clusterizer;
    }

    public void seed(final MemorySegment spacepointTable, final LongFunction<MemorySegment> allocate)
    {
        spacepointsIn.wrap(spacepointTable);
        final int events = spacepointsIn.eventCount();
        ensureEvents(events);
        // Payload memory may belong to this thread alone (a confined arena): workers see only copies on the heap.
        for (int e = 0; e < events; e++)
        {
            eventSpacepoints[e].load(spacepointsIn, e);
        }
        workers.run(events, seedEvent);
        seedWriter.clear();
        for (int e = 0; e < events; e++)
        {
            seedWriter.addEvent(eventSpacepoints[e], eventSeeds[e]);
        }
        seedWriter.writeTo(allocate);
    }

    private void seedEvent(final int worker, final int event)
    {
        eventSeeds[event].clear();
        seedFinders[worker].findSeeds(eventSpacepoints[event], eventSeeds[event]);
    }

    public void findTracks(final MemorySegment spacepointTable, final MemorySegment seedTable, final LongFunction<MemorySegment> allocate)
    {
        spacepointsIn.wrap(spacepointTable);
        seedsIn.wrap(seedTable);
        final int events = spacepointsIn.eventCount();
        ensureEvents(events);
        for (int e = 0; e < events; e++)
        {
            SeedTableWriter.read(seedsIn, e, eventSpacepoints[e].load(spacepointsIn, e).firstRow, eventSeeds[e]);
        }
        workers.run(events, findEvent);
        trackHitBuffer.clear();
        for (int e = 0; e < events; e++)
        {
            trackHitBuffer.addEvent(eventSpacepoints[e], eventTracks[e]);
        }
        trackHitBuffer.writeTo(allocate);
    }

    private void findEvent(final int worker, final int event)
    {
        trackFinders[worker].findTracks(eventSpacepoints[event], eventSeeds[event], eventTracks[event]);
    }

    /** Working memory for {@code events} events at once; grows to the largest timeframe and stays. */
    private void ensureEvents(final int events)
    {
        if (eventSpacepoints.length < events)
        {
            final int old = eventSpacepoints.length;
            eventSpacepoints = Arrays.copyOf(eventSpacepoints, events);
            eventSeeds = Arrays.copyOf(eventSeeds, events);
            eventTracks = Arrays.copyOf(eventTracks, events);
            for (int e = old; e < events; e++)
            {
                eventSpacepoints[e] = new EventSpacepoints();
                eventSeeds[e] = new SeedBuffer();
                eventTracks[e] = new TrackCandidates();
            }
        }
    }

    @Override
    public void close()
    {
        workers.close();
    }

    public void fitTracks(final MemorySegment spacepointTable, final MemorySegment trackHitTable, final LongFunction<MemorySegment> allocate)
    {
        spacepointsIn.wrap(spacepointTable);
        trackHitsIn.wrap(trackHitTable);
        parameters.clear();
        for (int e = 0; e < spacepointsIn.eventCount(); e++)
        {
            spacepoints.load(spacepointsIn, e);
            parameters.beginEvent(spacepoints.eventId);
            trackFitter.fitEvent(spacepoints, trackHitsIn, e, parameters);
        }
        parameters.writeTo(allocate);
    }

    /** Adds every event of the timeframe to {@code tally}. */
    public void score(final MemorySegment trackHitTable, final MemorySegment trackTable, final MemorySegment truthTable,
        final MemorySegment particleTable, final ScoreTally tally)
    {
        trackHitsIn.wrap(trackHitTable);
        truthIn.wrap(truthTable);
        particlesIn.wrap(particleTable);
        final Table fitted = trackTable == null ? null : tracksIn.wrap(trackTable);
        for (int e = 0; e < truthIn.eventCount(); e++)
        {
            scorer.scoreEvent(truthIn, particlesIn, trackHitsIn, fitted, e, tally);
        }
    }
}
