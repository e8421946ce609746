package org.jdpl.devices.reco.score;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jdpl.devices.reco.event.Particles;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.devices.reco.event.TrackHits;
import org.jdpl.devices.reco.event.Tracks;
import org.jdpl.devices.reco.event.Truth;

/**
 * One event written by hand: truth rows (hit, particle, weight), tracks as lists of hit ids, and optionally
 * fitted track pTs. A particle's transverse momentum is 2 GeV unless given, so by default it counts for the
 * efficiency when it has enough hits.
 */
final class HandEvent
{
    private static final long EVENT_ID = 1000;
    private static final float DEFAULT_PT = 2;

    private final List<long[]> truthRows = new ArrayList<>();
    private final List<Float> weights = new ArrayList<>();
    /** track number, hit id: in the order added, which need not be the track order. */
    private final List<long[]> trackRows = new ArrayList<>();
    private final Map<Long, Float> particlePt = new TreeMap<>();
    private final Map<Integer, Float> fittedPt = new TreeMap<>();

    /** Adds hits {@code hits} of {@code particle}, each of weight {@code weight}. */
    HandEvent particle(final long particle, final float weight, final long... hits)
    {
        for (final long hit : hits)
        {
            truthRows.add(new long[] {hit, particle});
            weights.add(weight);
        }
        return this;
    }

    /** Puts {@code hits} on track {@code track}. */
    HandEvent track(final int track, final long... hits)
    {
        for (final long hit : hits)
        {
            trackRows.add(new long[] {track, hit});
        }
        return this;
    }

    /** Gives {@code particle} a transverse momentum of {@code pt} GeV (all along x). */
    HandEvent particlePt(final long particle, final float pt)
    {
        particlePt.put(particle, pt);
        return this;
    }

    /** Gives track {@code track} a fit of transverse momentum {@code pt}; with any fit, the scorer gets a tracks table. */
    HandEvent fittedPt(final int track, final float pt)
    {
        fittedPt.put(track, pt);
        return this;
    }

    /** Scores the event with efficiency cuts pT > 1 GeV and at least {@code efficiencyMinHits} hits. */
    ScoreTally score(final int efficiencyMinHits)
    {
        final ScoreTally tally = new ScoreTally();
        scoreInto(new TrackmlScorer(1.0, efficiencyMinHits), tally);
        return tally;
    }

    /** Adds the event to {@code tally} with {@code scorer}, which may have scored other events before. */
    void scoreInto(final TrackmlScorer scorer, final ScoreTally tally)
    {
        try (Arena arena = Arena.ofConfined())
        {
            final long[] eventIds = {EVENT_ID};
            final Table truth = new Table(Truth.LAYOUT);
            truth.create(arena.allocate(Table.sizeBytes(Truth.LAYOUT, 1, truthRows.size()), 8), eventIds, new int[] {truthRows.size()});
            final TreeSet<Long> particleIds = new TreeSet<>();
            for (int row = 0; row < truthRows.size(); row++)
            {
                truth.setLong(Truth.HIT_ID, row, truthRows.get(row)[0]);
                truth.setLong(Truth.PARTICLE_ID, row, truthRows.get(row)[1]);
                truth.setFloat(Truth.WEIGHT, row, weights.get(row));
                particleIds.add(truthRows.get(row)[1]);
            }
            final Table particles = new Table(Particles.LAYOUT);
            particles.create(arena.allocate(Table.sizeBytes(Particles.LAYOUT, 1, particleIds.size()), 8), eventIds,
                new int[] {particleIds.size()});
            int row = 0;
            for (final long id : particleIds)
            {
                particles.setLong(Particles.PARTICLE_ID, row, id);
                for (int column = Particles.VX; column <= Particles.PZ; column++)
                {
                    particles.setFloat(column, row, 0);
                }
                particles.setFloat(Particles.PX, row, particlePt.getOrDefault(id, DEFAULT_PT));
                particles.setInt(Particles.CHARGE, row, 1);
                particles.setInt(Particles.NHITS, row, 0);
                row++;
            }
            final Table trackHits = new Table(TrackHits.LAYOUT);
            trackHits.create(arena.allocate(Table.sizeBytes(TrackHits.LAYOUT, 1, trackRows.size()), 8), eventIds,
                new int[] {trackRows.size()});
            for (int i = 0; i < trackRows.size(); i++)
            {
                trackHits.setInt(TrackHits.TRACK, i, (int)trackRows.get(i)[0]);
                trackHits.setInt(TrackHits.SPACEPOINT, i, i);
                trackHits.setLong(TrackHits.HIT_ID, i, trackRows.get(i)[1]);
            }
            scorer.scoreEvent(truth, particles, trackHits, fits(arena, eventIds), 0, tally);
        }
    }

    private Table fits(final Arena arena, final long[] eventIds)
    {
        if (fittedPt.isEmpty())
        {
            return null;
        }
        final Table tracks = new Table(Tracks.LAYOUT);
        tracks.create(arena.allocate(Table.sizeBytes(Tracks.LAYOUT, 1, fittedPt.size()), 8), eventIds, new int[] {fittedPt.size()});
        int row = 0;
        for (final Map.Entry<Integer, Float> fit : fittedPt.entrySet())
        {
            for (int column = Tracks.PT; column <= Tracks.CHI2_NDF; column++)
            {
                tracks.setFloat(column, row, 0);
            }
            tracks.setInt(Tracks.TRACK, row, fit.getKey());
            tracks.setInt(Tracks.N_HITS, row, 0);
            tracks.setInt(Tracks.CHARGE, row, 1);
            tracks.setFloat(Tracks.PT, row, fit.getValue());
            row++;
        }
        return tracks;
    }
}
