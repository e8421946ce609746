package org.jdpl.devices.reco.score;

/** Sums of one or more events' matching results; {@link #add} merges tallies (event into timeframe into run). */
public final class ScoreTally
{
    double goodWeight;
    double totalWeight;
    long events;
    long eventsWithoutTruth;
    long eventsWithParticles;
    long tracks;
    long fakeTracks;
    long matchedTracks;
    long duplicateTracks;
    long efficiencyParticles;
    long efficiencyFound;
    long ptResolutionCount;
    double ptResolutionSum;
    double ptResolutionSumSquares;

    public void reset()
    {
        goodWeight = 0;
        totalWeight = 0;
        events = 0;
        eventsWithoutTruth = 0;
        eventsWithParticles = 0;
        tracks = 0;
        fakeTracks = 0;
        matchedTracks = 0;
        duplicateTracks = 0;
        efficiencyParticles = 0;
        efficiencyFound = 0;
        ptResolutionCount = 0;
        ptResolutionSum = 0;
        ptResolutionSumSquares = 0;
    }

    public void add(final ScoreTally other)
    {
        goodWeight += other.goodWeight;
        totalWeight += other.totalWeight;
        events += other.events;
        eventsWithoutTruth += other.eventsWithoutTruth;
        eventsWithParticles += other.eventsWithParticles;
        tracks += other.tracks;
        fakeTracks += other.fakeTracks;
        matchedTracks += other.matchedTracks;
        duplicateTracks += other.duplicateTracks;
        efficiencyParticles += other.efficiencyParticles;
        efficiencyFound += other.efficiencyFound;
        ptResolutionCount += other.ptResolutionCount;
        ptResolutionSum += other.ptResolutionSum;
        ptResolutionSumSquares += other.ptResolutionSumSquares;
    }

    /** The TrackML score: weight of the good tracks' majority hits over all weight (so normalised over the events summed here). */
    public double score()
    {
        return totalWeight > 0 ? goodWeight / totalWeight : 0;
    }

    /** Particles with pT above the cut and enough hits that have a good track, over all such particles. */
    public double efficiency()
    {
        return efficiencyParticles > 0 ? (double)efficiencyFound / efficiencyParticles : 0;
    }

    /** Tracks without a majority (more than half of their hits) from one particle, over all tracks. */
    public double fakeRate()
    {
        return tracks > 0 ? (double)fakeTracks / tracks : 0;
    }

    /** Matched tracks whose particle already has a matched track, over matched tracks. */
    public double duplicateRate()
    {
        return matchedTracks > 0 ? (double)duplicateTracks / matchedTracks : 0;
    }

    /** Standard deviation of (fitted pT - true pT) / true pT over good tracks with a fit. */
    public double ptResolution()
    {
        if (ptResolutionCount < 2)
        {
            return 0;
        }
        final double mean = ptResolutionSum / ptResolutionCount;
        return Math.sqrt(Math.max(0, ptResolutionSumSquares / ptResolutionCount - mean * mean));
    }

    public long events()
    {
        return events;
    }

    /** Events seen without truth (real data): not scored, not in {@link #events()}. */
    public long eventsWithoutTruth()
    {
        return eventsWithoutTruth;
    }

    /** Scored events that had particles: the efficiency and pT resolution come from these alone. */
    public long eventsWithParticles()
    {
        return eventsWithParticles;
    }

    public long tracks()
    {
        return tracks;
    }

    /** One line; an efficiency only where particles were given, and a plain "nothing scored" without truth. */
    @Override
    public String toString()
    {
        if (events == 0)
        {
            return "no truth: nothing scored" + (eventsWithoutTruth > 0 ? " (" + eventsWithoutTruth + " event(s) without truth)" : "");
        }
        final String particleFigures = eventsWithParticles == 0 ? "efficiency n/a (no particles)"
            : String.format("efficiency %.4f (%d/%d particles pT>1 GeV, >=4 hits)", efficiency(), efficiencyFound, efficiencyParticles) +
            (ptResolutionCount > 0 ? String.format(", pT resolution %.4f", ptResolution()) : "");
        return String.format("score %.4f, fake rate %.4f, duplicate rate %.4f, %s, %d tracks in %d events%s", score(), fakeRate(),
            duplicateRate(), particleFigures, tracks, events, eventsWithoutTruth > 0 ? " (" + eventsWithoutTruth + " more without truth, not scored)" : "");
    }
}
