package org.jdpl.devices.reco.chain;

import java.lang.foreign.MemorySegment;
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
 * per timeslice, without the framework. Output memory comes from the given allocator. One instance
 * per thread; all working memory is reused between timeframes.
 */
public final class ReconstructionSteps
{
    private final Clusterizer clusterizer = new Clusterizer();
    private final SeedFinder seedFinder;
    private final TrackFinder trackFinder;
    private final TrackFitter trackFitter;
    private final TrackmlScorer scorer;
    private final EventSpacepoints spacepoints = new EventSpacepoints();
    private final SpacepointBuffer spacepointBuffer = new SpacepointBuffer();
    private final SeedBuffer seeds = new SeedBuffer();
    private final SeedTableWriter seedWriter = new SeedTableWriter();
    private final TrackCandidates tracks = new TrackCandidates();
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
        seedFinder = new SeedFinder(seedConfig);
        trackFinder = new TrackFinder(finderConfig);
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
        seedWriter.clear();
        for (int e = 0; e < spacepointsIn.eventCount(); e++)
        {
            spacepoints.load(spacepointsIn, e);
            seeds.clear();
            seedFinder.findSeeds(spacepoints, seeds);
            seedWriter.addEvent(spacepoints, seeds);
        }
        seedWriter.writeTo(allocate);
    }

    public void findTracks(final MemorySegment spacepointTable, final MemorySegment seedTable, final LongFunction<MemorySegment> allocate)
    {
        spacepointsIn.wrap(spacepointTable);
        seedsIn.wrap(seedTable);
        trackHitBuffer.clear();
        for (int e = 0; e < spacepointsIn.eventCount(); e++)
        {
            spacepoints.load(spacepointsIn, e);
            SeedTableWriter.read(seedsIn, e, spacepoints.firstRow, seeds);
            trackFinder.findTracks(spacepoints, seeds, tracks);
            trackHitBuffer.addEvent(spacepoints, tracks);
        }
        trackHitBuffer.writeTo(allocate);
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
