package org.jdpl.devices.reco.qc;

import java.util.Arrays;

import org.agrona.collections.Int2IntHashMap;
import org.agrona.collections.Long2LongHashMap;
import org.jdpl.devices.reco.event.Cells;
import org.jdpl.devices.reco.event.Particles;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.devices.reco.event.TrackHits;
import org.jdpl.devices.reco.event.Tracks;
import org.jdpl.devices.reco.event.Truth;
import org.jdpl.devices.reco.fit.Helix;
import org.jdpl.devices.reco.score.HitOwnership;

/**
 * Fills the QC histograms from one event's tracks and truth. Tracks are matched to particles as the scorer matches
 * them (each hit counts for its first track, {@link HitOwnership}; the majority particle must own more than half of the
 * track's hits, else the track is fake; a further track matched to the same particle is a duplicate; a good track also
 * holds more than half of its particle's hits and makes the particle found). Residuals and pulls are of good tracks
 * against their particle's helix at the perigee, in the field the config gives. Efficiency vs pT takes every particle
 * with enough hits; efficiency vs eta also requires pT above the efficiency threshold (the scorer's selection). Buffers
 * are reused between events.
 */
public final class TrackQc
{
    public static final String EFF_PT_ALL = "efficiencyPtAll";
    public static final String EFF_PT_FOUND = "efficiencyPtFound";
    public static final String EFF_ETA_ALL = "efficiencyEtaAll";
    public static final String EFF_ETA_FOUND = "efficiencyEtaFound";
    public static final String TRACKS_ETA = "tracksEta";
    public static final String FAKES_ETA = "fakesEta";
    public static final String DUPLICATES_ETA = "duplicatesEta";
    public static final String PT_RESIDUAL = "ptResidual";
    public static final String PT_PULL = "ptPull";
    public static final String D0_RESIDUAL = "d0Residual";
    public static final String D0_PULL = "d0Pull";
    public static final String Z0_RESIDUAL = "z0Residual";
    public static final String Z0_PULL = "z0Pull";
    public static final String HITS_PER_TRACK = "hitsPerTrack";
    public static final String CHI2_NDF = "chi2Ndf";
    public static final String CLUSTER_SIZE = "clusterSize";

    private final QcConfig config;
    private final QcHistograms histograms = new QcHistograms();
    private final Histogram1D effPtAll;
    private final Histogram1D effPtFound;
    private final Histogram1D effEtaAll;
    private final Histogram1D effEtaFound;
    private final Histogram1D tracksEta;
    private final Histogram1D fakesEta;
    private final Histogram1D duplicatesEta;
    private final Histogram1D ptResidual;
    private final Histogram1D ptPull;
    private final Histogram1D d0Residual;
    private final Histogram1D d0Pull;
    private final Histogram1D z0Residual;
    private final Histogram1D z0Pull;
    private final Histogram1D hitsPerTrack;
    private final Histogram1D chi2Ndf;
    private final Histogram1D clusterSize;

    private final HitOwnership ownership = new HitOwnership();
    private final Long2LongHashMap particleOfHit = new Long2LongHashMap(-1);
    private final Long2LongHashMap hitsOfParticle = new Long2LongHashMap(0);
    private final Long2LongHashMap rowOfParticle = new Long2LongHashMap(-1);
    /** Per particle: matched tracks in the low 32 bits, 1 in bit 32 once a good track found it. */
    private final Long2LongHashMap matchesOfParticle = new Long2LongHashMap(0);
    private final Long2LongHashMap cellsOfHit = new Long2LongHashMap(0);
    private final Int2IntHashMap rowOfTrack = new Int2IntHashMap(-1);
    private long[] trackParticles = new long[64];
    private final double[] truth = new double[5];
    private int majorityHits;

    public TrackQc(final QcConfig config)
    {
        this.config = config;
        effPtAll = histograms.add(new Histogram1D(EFF_PT_ALL, "particles with enough hits", "true pT [GeV]", config.pt()));
        effPtFound = histograms.add(new Histogram1D(EFF_PT_FOUND, "particles found", "true pT [GeV]", config.pt()));
        effEtaAll = histograms.add(new Histogram1D(EFF_ETA_ALL, "particles above the pT threshold", "true eta", config.eta()));
        effEtaFound = histograms.add(new Histogram1D(EFF_ETA_FOUND, "particles above the pT threshold found", "true eta", config.eta()));
        tracksEta = histograms.add(new Histogram1D(TRACKS_ETA, "tracks", "track eta", config.eta()));
        fakesEta = histograms.add(new Histogram1D(FAKES_ETA, "fake tracks", "track eta", config.eta()));
        duplicatesEta = histograms.add(new Histogram1D(DUPLICATES_ETA, "duplicate tracks", "track eta", config.eta()));
        ptResidual = histograms.add(new Histogram1D(PT_RESIDUAL, "pT residual (good tracks)", "(pT - true pT) / true pT", config.ptResidual()));
        ptPull = histograms.add(new Histogram1D(PT_PULL, "pT pull", "(pT - true pT) / sigma pT", config.pull()));
        d0Residual = histograms.add(new Histogram1D(D0_RESIDUAL, "d0 residual (good tracks)", "d0 - true d0 [mm]", config.d0Residual()));
        d0Pull = histograms.add(new Histogram1D(D0_PULL, "d0 pull", "(d0 - true d0) / sigma d0", config.pull()));
        z0Residual = histograms.add(new Histogram1D(Z0_RESIDUAL, "z0 residual (good tracks)", "z0 - true z0 [mm]", config.z0Residual()));
        z0Pull = histograms.add(new Histogram1D(Z0_PULL, "z0 pull", "(z0 - true z0) / sigma z0", config.pull()));
        hitsPerTrack = histograms.add(new Histogram1D(HITS_PER_TRACK, "hits per track", "hits", config.hits()));
        chi2Ndf = histograms.add(new Histogram1D(CHI2_NDF, "track chi2/ndf", "chi2 / ndf", config.chi2Ndf()));
        clusterSize = histograms.add(new Histogram1D(CLUSTER_SIZE, "cluster size of hits on tracks", "cells per hit", config.clusterSize()));
        histograms.ratio(new QcHistograms.Ratio("efficiencyVsPt", "efficiency vs pT", "true pT [GeV]", EFF_PT_FOUND, EFF_PT_ALL));
        histograms.ratio(new QcHistograms.Ratio("efficiencyVsEta", "efficiency vs eta (pT > " + config.efficiencyPtMin() + " GeV)",
            "true eta", EFF_ETA_FOUND, EFF_ETA_ALL));
        histograms.ratio(new QcHistograms.Ratio("fakeRateVsEta", "fake rate vs eta", "track eta", FAKES_ETA, TRACKS_ETA));
        histograms.ratio(new QcHistograms.Ratio("duplicateRateVsEta", "duplicate rate vs eta", "track eta", DUPLICATES_ETA, TRACKS_ETA));
    }

    public QcHistograms histograms()
    {
        return histograms;
    }

    /**
     * Adds event {@code event} of the timeframe. {@code tracks} (fitted parameters) and {@code cells} may be null: the
     * histograms that need them are then not filled for it. An event without truth is counted and skipped.
     */
    public void fillEvent(final Table truthTable, final Table particles, final Table trackHits, final Table tracks, final Table cells,
        final int event)
    {
        histograms.count("events", 1);
        if (truthTable.eventEnd(event) == truthTable.eventStart(event))
        {
            histograms.count("eventsWithoutTruth", 1);
            return;
        }
        loadTruth(truthTable, particles, cells, event);
        loadTracks(tracks, event);
        ownership.assign(trackHits, event);
        final int n = ownership.size();
        int i = 0;
        while (i < n)
        {
            final int track = ownership.track(i);
            int j = i;
            int owned = 0;
            while (j < n && ownership.track(j) == track)
            {
                final long hit = trackHits.getLong(TrackHits.HIT_ID, ownership.row(j));
                if (cells != null)
                {
                    clusterSize.fill(cellsOfHit.get(hit));
                }
                if (ownership.trackOf(hit) == track && !contains(trackParticles, owned, hit))
                {
                    ensureCapacity(owned + 1);
                    trackParticles[owned++] = hit;
                }
                j++;
            }
            hitsPerTrack.fill(j - i);
            onTrack(particles, tracks, track, owned);
            i = j;
        }
        fillEfficiency(particles, event);
    }

    private void loadTruth(final Table truthTable, final Table particles, final Table cells, final int event)
    {
        particleOfHit.clear();
        hitsOfParticle.clear();
        rowOfParticle.clear();
        matchesOfParticle.clear();
        cellsOfHit.clear();
        for (int row = truthTable.eventStart(event); row < truthTable.eventEnd(event); row++)
        {
            final long particle = truthTable.getLong(Truth.PARTICLE_ID, row);
            particleOfHit.put(truthTable.getLong(Truth.HIT_ID, row), particle);
            hitsOfParticle.put(particle, hitsOfParticle.get(particle) + 1);
        }
        for (int row = particles.eventStart(event); row < particles.eventEnd(event); row++)
        {
            rowOfParticle.put(particles.getLong(Particles.PARTICLE_ID, row), row);
        }
        if (cells != null && event < cells.eventCount())
        {
            for (int row = cells.eventStart(event); row < cells.eventEnd(event); row++)
            {
                final long hit = cells.getLong(Cells.HIT_ID, row);
                cellsOfHit.put(hit, cellsOfHit.get(hit) + 1);
            }
        }
    }

    private void loadTracks(final Table tracks, final int event)
    {
        rowOfTrack.clear();
        if (tracks != null)
        {
            for (int row = tracks.eventStart(event); row < tracks.eventEnd(event); row++)
            {
                rowOfTrack.put(tracks.getInt(Tracks.TRACK, row), row);
            }
        }
    }

    /** One track whose first {@code owned} entries of {@link #trackParticles} are its owned hit ids. */
    private void onTrack(final Table particles, final Table tracks, final int track, final int owned)
    {
        if (owned == 0)
        {
            histograms.count("tracksWithOnlySharedHits", 1); // the scorer does not count them either
            return;
        }
        final int fitted = rowOfTrack.get(track);
        final double eta = fitted < 0 ? Double.NaN : tracks.getFloat(Tracks.ETA, fitted);
        histograms.count("tracks", 1);
        if (fitted >= 0)
        {
            chi2Ndf.fill(tracks.getFloat(Tracks.CHI2_NDF, fitted));
            tracksEta.fill(eta);
        }
        final long particle = majorityParticle(owned);
        if (2 * majorityHits <= owned || particle == 0)
        {
            histograms.count("fakeTracks", 1);
            if (fitted >= 0)
            {
                fakesEta.fill(eta);
            }
            return;
        }
        final long previous = matchesOfParticle.get(particle);
        if ((previous & 0xFFFF_FFFFL) > 0)
        {
            histograms.count("duplicateTracks", 1);
            if (fitted >= 0)
            {
                duplicatesEta.fill(eta);
            }
        }
        final boolean good = 2L * majorityHits > hitsOfParticle.get(particle);
        matchesOfParticle.put(particle, previous + 1 + (good ? 1L << 32 : 0));
        final int truthRow = (int)rowOfParticle.get(particle);
        if (good && fitted >= 0 && truthRow >= 0)
        {
            fillResiduals(particles, truthRow, tracks, fitted);
        }
    }

    /** The particle owning most of the owned hits (ties: the lower id); its hit count goes to {@link #majorityHits}. */
    private long majorityParticle(final int owned)
    {
        for (int k = 0; k < owned; k++)
        {
            trackParticles[k] = Math.max(0, particleOfHit.get(trackParticles[k])); // a hit without truth counts as noise
        }
        Arrays.sort(trackParticles, 0, owned);
        long best = 0;
        int bestCount = 0;
        for (int a = 0; a < owned; )
        {
            int b = a;
            while (b < owned && trackParticles[b] == trackParticles[a])
            {
                b++;
            }
            if (b - a > bestCount)
            {
                bestCount = b - a;
                best = trackParticles[a];
            }
            a = b;
        }
        majorityHits = bestCount;
        return best;
    }

    private void fillResiduals(final Table particles, final int truthRow, final Table tracks, final int fitted)
    {
        trueHelix(particles, truthRow, config.bFieldTesla(), truth);
        final double pt = tracks.getFloat(Tracks.PT, fitted);
        final double d0 = tracks.getFloat(Tracks.D0, fitted);
        final double z0 = tracks.getFloat(Tracks.Z0, fitted);
        ptResidual.fill((pt - truth[0]) / truth[0]);
        d0Residual.fill(d0 - truth[3]);
        z0Residual.fill(z0 - truth[4]);
        fillPull(ptPull, pt - truth[0], tracks.getFloat(Tracks.SIGMA_PT, fitted));
        fillPull(d0Pull, d0 - truth[3], tracks.getFloat(Tracks.SIGMA_D0, fitted));
        fillPull(z0Pull, z0 - truth[4], tracks.getFloat(Tracks.SIGMA_Z0, fitted));
    }

    private static void fillPull(final Histogram1D pull, final double residual, final double sigma)
    {
        if (sigma > 0 && Double.isFinite(sigma))
        {
            pull.fill(residual / sigma);
        }
    }

    private void fillEfficiency(final Table particles, final int event)
    {
        for (int row = particles.eventStart(event); row < particles.eventEnd(event); row++)
        {
            final long id = particles.getLong(Particles.PARTICLE_ID, row);
            if (hitsOfParticle.get(id) < config.efficiencyMinHits())
            {
                continue;
            }
            final float px = particles.getFloat(Particles.PX, row);
            final float py = particles.getFloat(Particles.PY, row);
            final double pt = Math.hypot(px, py);
            final boolean found = matchesOfParticle.get(id) >= 1L << 32;
            effPtAll.fill(pt);
            if (found)
            {
                effPtFound.fill(pt);
            }
            if (pt > config.efficiencyPtMin())
            {
                final double eta = eta(pt, particles.getFloat(Particles.PZ, row));
                effEtaAll.fill(eta);
                if (found)
                {
                    effEtaFound.fill(eta);
                }
            }
        }
    }

    static double eta(final double pt, final double pz)
    {
        final double x = pz / pt;
        return Math.log(x + Math.sqrt(x * x + 1));
    }

    /**
     * The particle's helix at its perigee, as the fitter reports tracks ({@link Helix}): pT, eta, phi, d0 (positive when
     * the beam line is outside the circle) and z0, into {@code out[0..5)}. Positive charges turn clockwise in a field
     * along +z; z0 takes the vertex back along the straight line, exact to the vertex's transverse offset squared.
     */
    public static void trueHelix(final Table particles, final int row, final double bFieldTesla, final double[] out)
    {
        final double vx = particles.getFloat(Particles.VX, row);
        final double vy = particles.getFloat(Particles.VY, row);
        final double vz = particles.getFloat(Particles.VZ, row);
        final double px = particles.getFloat(Particles.PX, row);
        final double py = particles.getFloat(Particles.PY, row);
        final double pz = particles.getFloat(Particles.PZ, row);
        final int charge = particles.getInt(Particles.CHARGE, row);
        final double pt = Math.hypot(px, py);
        final double phi = Math.atan2(py, px);
        final double radius = pt / (Helix.PT_PER_TESLA_MM * bFieldTesla);
        final double sign = charge > 0 ? 1 : -1;
        final double xc = vx + sign * radius * Math.sin(phi);
        final double yc = vy - sign * radius * Math.cos(phi);
        out[0] = pt;
        out[1] = eta(pt, pz);
        out[2] = phi;
        out[3] = Math.hypot(xc, yc) - radius;
        out[4] = vz - (vx * Math.cos(phi) + vy * Math.sin(phi)) * pz / pt;
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

    private void ensureCapacity(final int n)
    {
        if (trackParticles.length < n)
        {
            trackParticles = Arrays.copyOf(trackParticles, 2 * n);
        }
    }
}
