package org.jdpl.devices.reco.score;

import java.util.Arrays;

import org.agrona.collections.Long2LongHashMap;
import org.jdpl.devices.reco.event.Particles;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.devices.reco.event.TrackHits;
import org.jdpl.devices.reco.event.Tracks;
import org.jdpl.devices.reco.event.Truth;

/**
 * Scores one event as the TrackML challenge does: each track is matched to the particle owning most
 * of its hits; it is good when more than half of its hits belong to that particle and it holds more
 * than half of that particle's hits; the score is the weight of the majority particle's hits on good
 * tracks over the event's total weight. A hit assigned to several tracks counts for the first only
 * ({@link HitOwnership}), as a TrackML submission gives each hit one track. Also counts efficiency, fakes, duplicates and the
 * pT resolution. An event without truth rows (real data) is counted as not scored; one without particles
 * counts for no efficiency. Buffers are reused between events.
 */
public final class TrackmlScorer
{
    private final double efficiencyPtMin;
    private final int efficiencyMinHits;
    private final Long2LongHashMap truthRowOfHit = new Long2LongHashMap(-1);
    private final Long2LongHashMap hitsOfParticle = new Long2LongHashMap(0);
    private final Long2LongHashMap matchedTracksOfParticle = new Long2LongHashMap(0);
    private final HitOwnership ownership = new HitOwnership();
    private long[] particleOfHit = new long[64];

    public TrackmlScorer(final double efficiencyPtMin, final int efficiencyMinHits)
    {
        this.efficiencyPtMin = efficiencyPtMin;
        this.efficiencyMinHits = efficiencyMinHits;
    }

    /**
     * Adds event {@code event} of the timeframe to {@code tally}. {@code tracks} (fitted parameters) may be
     * null; the tables must hold the same events in the same order (checked).
     */
    public void scoreEvent(final Table truth, final Table particles, final Table trackHits, final Table tracks, final int event,
        final ScoreTally tally)
    {
        checkSameEvent(truth, trackHits, event);
        checkSameEvent(truth, particles, event);
        if (truth.eventEnd(event) == truth.eventStart(event))
        {
            tally.eventsWithoutTruth++;
            return;
        }
        truthRowOfHit.clear();
        hitsOfParticle.clear();
        matchedTracksOfParticle.clear();
        double totalWeight = 0;
        for (int row = truth.eventStart(event); row < truth.eventEnd(event); row++)
        {
            truthRowOfHit.put(truth.getLong(Truth.HIT_ID, row), row);
            final long particle = truth.getLong(Truth.PARTICLE_ID, row);
            hitsOfParticle.put(particle, hitsOfParticle.get(particle) + 1);
            totalWeight += truth.getFloat(Truth.WEIGHT, row);
        }
        ownership.assign(trackHits, event);
        final int n = ownership.size();
        final ScoreTally local = new ScoreTally();
        int i = 0;
        while (i < n)
        {
            final int track = ownership.track(i);
            int j = i;
            int hits = 0;
            while (j < n && ownership.track(j) == track)
            {
                final long hit = trackHits.getLong(TrackHits.HIT_ID, ownership.row(j));
                if (ownership.trackOf(hit) == track && !contains(particleOfHit, hits, hit))
                {
                    ensureHitCapacity(hits + 1);
                    particleOfHit[hits++] = hit;
                }
                j++;
            }
            if (hits > 0)
            {
                scoreTrack(truth, particles, tracks, event, track, hits, local);
            }
            i = j;
        }
        countEfficiency(particles, event, local);
        local.totalWeight = totalWeight;
        local.events = 1;
        local.eventsWithParticles = particles.eventEnd(event) > particles.eventStart(event) ? 1 : 0;
        tally.add(local);
    }

    private void scoreTrack(final Table truth, final Table particles, final Table tracks, final int event, final int track,
        final int hits, final ScoreTally local)
    {
        // particleOfHit holds the track's hit ids: map them to particles in place, then find the mode.
        final long[] hitIds = Arrays.copyOf(particleOfHit, hits);
        for (int k = 0; k < hits; k++)
        {
            final long row = truthRowOfHit.get(hitIds[k]);
            particleOfHit[k] = row < 0 ? 0 : truth.getLong(Truth.PARTICLE_ID, (int)row);
        }
        Arrays.sort(particleOfHit, 0, hits);
        long majority = 0;
        int majorityCount = 0;
        for (int a = 0; a < hits; )
        {
            int b = a;
            while (b < hits && particleOfHit[b] == particleOfHit[a])
            {
                b++;
            }
            if (b - a > majorityCount)
            {
                majorityCount = b - a;
                majority = particleOfHit[a];
            }
            a = b;
        }
        local.tracks++;
        if (2 * majorityCount <= hits || majority == 0)
        {
            local.fakeTracks++;
            return;
        }
        local.matchedTracks++;
        final long previous = matchedTracksOfParticle.get(majority);
        if (previous > 0)
        {
            local.duplicateTracks++;
        }
        final long particleHits = hitsOfParticle.get(majority);
        if (2L * majorityCount <= particleHits)
        {
            matchedTracksOfParticle.put(majority, previous + 1);
            return;
        }
        // A good track: at most one per particle can hold more than half of its hits.
        matchedTracksOfParticle.put(majority, previous + 1 + (1L << 32));
        for (final long hit : hitIds)
        {
            final int row = (int)truthRowOfHit.get(hit);
            if (row >= 0 && truth.getLong(Truth.PARTICLE_ID, row) == majority)
            {
                local.goodWeight += truth.getFloat(Truth.WEIGHT, row);
            }
        }
        if (tracks != null)
        {
            addPtResolution(particles, tracks, event, track, majority, local);
        }
    }

    private void addPtResolution(final Table particles, final Table tracks, final int event, final int track, final long particle,
        final ScoreTally local)
    {
        final int fitted = findRow(tracks, Tracks.TRACK, event, track);
        final int truthRow = findParticle(particles, event, particle);
        if (fitted < 0 || truthRow < 0)
        {
            return;
        }
        final double truePt = Math.hypot(particles.getFloat(Particles.PX, truthRow), particles.getFloat(Particles.PY, truthRow));
        final double pt = tracks.getFloat(Tracks.PT, fitted);
        if (truePt > 0 && Double.isFinite(pt))
        {
            final double residual = (pt - truePt) / truePt;
            local.ptResolutionCount++;
            local.ptResolutionSum += residual;
            local.ptResolutionSumSquares += residual * residual;
        }
    }

    private void countEfficiency(final Table particles, final int event, final ScoreTally local)
    {
        for (int row = particles.eventStart(event); row < particles.eventEnd(event); row++)
        {
            final double pt = Math.hypot(particles.getFloat(Particles.PX, row), particles.getFloat(Particles.PY, row));
            final long id = particles.getLong(Particles.PARTICLE_ID, row);
            if (pt > efficiencyPtMin && hitsOfParticle.get(id) >= efficiencyMinHits)
            {
                local.efficiencyParticles++;
                if (matchedTracksOfParticle.get(id) >= 1L << 32)
                {
                    local.efficiencyFound++;
                }
            }
        }
    }

    private static int findRow(final Table table, final int column, final int event, final int value)
    {
        for (int row = table.eventStart(event); row < table.eventEnd(event); row++)
        {
            if (table.getInt(column, row) == value)
            {
                return row;
            }
        }
        return -1;
    }

    private static int findParticle(final Table particles, final int event, final long id)
    {
        for (int row = particles.eventStart(event); row < particles.eventEnd(event); row++)
        {
            if (particles.getLong(Particles.PARTICLE_ID, row) == id)
            {
                return row;
            }
        }
        return -1;
    }

    private static boolean contains(final long[] values, final int n, final long value)
    {
        for (int k = 0; k < n; k++)
        {
            if (values[k] == value)
            {
                return true;
            }
        }
        return false;
    }

    private void ensureHitCapacity(final int n)
    {
        if (particleOfHit.length < n)
        {
            particleOfHit = Arrays.copyOf(particleOfHit, 2 * n);
        }
    }

    private static void checkSameEvent(final Table a, final Table b, final int event)
    {
        if (a.eventCount() != b.eventCount() || a.eventId(event) != b.eventId(event))
        {
            throw new IllegalArgumentException("inputs of one timeslice disagree: " + a.layout().name() + " holds " + a.eventCount() +
                " events (event " + event + " is id " + a.eventId(event) + "), " + b.layout().name() + " holds " + b.eventCount() +
                " events" + (event < b.eventCount() ? " (event " + event + " is id " + b.eventId(event) + ")" : ""));
        }
    }
}
