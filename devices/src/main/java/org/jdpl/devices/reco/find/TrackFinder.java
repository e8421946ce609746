package org.jdpl.devices.reco.find;

import java.util.Arrays;

import org.jdpl.devices.reco.event.EventSpacepoints;
import org.jdpl.devices.reco.fit.Helix;
import org.jdpl.devices.reco.fit.HelixFitter;
import org.jdpl.devices.reco.seed.SeedBuffer;

/**
 * Extends seeds into tracks and resolves shared hits. Seeds are taken best first; a seed whose three
 * hits all lie on an earlier candidate is skipped. A candidate starts as the seed's helix; the layers
 * it crosses are visited in the order it reaches them, and in each the compatible hits (within
 * per-detector windows across and along the track) are added, best first, one per module, with a
 * refit after each layer. A final pass with the refitted helix collects what the early, less precise
 * helix missed. Candidates are then ranked by hit count and fit quality, and each hit goes to the
 * best candidate holding it; a candidate left with too few hits is dropped.
 */
public final class TrackFinder
{
    private static final int MAX_HITS = 64;
    /** Weight of the beam line as a pseudo-hit in the circle fits: makes short-lever-arm (forward) seeds usable. */
    private static final double ORIGIN_WEIGHT = 1.0;
    /** Search window added for multiple scattering at 1 GeV/c, mm. */
    private static final double MS_WINDOW_MM_GEV = 0.5;
    /** Largest normalised squared residual of an extra hit in a layer already holding one. */
    private static final double OVERLAP_SCORE_MAX = 0.2;
    /** Hits the helix is refitted to while a candidate grows. */
    private static final int RECENT_HITS = 8;
    /** Window scale of the second pass, with the final helix. */
    private static final double FINAL_PASS_SCALE = 1.5;

    private final FinderConfig config;
    private final boolean narrowWindows;
    private final LayerIndex layers = new LayerIndex();
    private final HelixFitter fitter = new HelixFitter();
    private final Helix helix = new Helix();
    private final int[] candidateHits = new int[MAX_HITS];
    private final int[] layerOrder = new int[64];
    private final double[] layerArc = new double[64];
    private final int[] found = new int[MAX_HITS];
    private final int[] recentHits = new int[RECENT_HITS];
    private final boolean[] layerHasHits = new boolean[64];
    private final double[] foundScore = new double[MAX_HITS];
    private int[] seedOrder = new int[1024];
    private long[] seedKeys = new long[1024];
    private final int[] keptHits = new int[MAX_HITS];
    private boolean[] claimed = new boolean[1024];
    private int[] owner = new int[1024];
    private TrackCandidates candidates = new TrackCandidates();
    private final ScanWindow window = new ScanWindow();

    public TrackFinder(final FinderConfig config)
    {
        this(config, true);
    }

    /** With {@code narrowWindows} false, every layer is scanned over the wide window: the reference a test compares with. */
    TrackFinder(final FinderConfig config, final boolean narrowWindows)
    {
        this.config = config;
        this.narrowWindows = narrowWindows;
    }

    /** Finds the event's tracks from its seeds into {@code out} (track numbers 0..). */
    public void findTracks(final EventSpacepoints sp, final SeedBuffer seeds, final TrackCandidates out)
    {
        layers.build(sp);
        if (claimed.length < sp.size)
        {
            claimed = new boolean[2 * sp.size];
            owner = new int[2 * sp.size];
        }
        Arrays.fill(claimed, 0, sp.size, false);
        candidates.clear();
        sortSeeds(seeds);
        for (int k = 0; k < seeds.size; k++)
        {
            final int s = seedOrder[k];
            final int b = seeds.bottom[s];
            final int m = seeds.middle[s];
            final int t = seeds.top[s];
            if (claimed[b] && claimed[m] && claimed[t])
            {
                continue;
            }
            candidateHits[0] = b;
            candidateHits[1] = m;
            candidateHits[2] = t;
            if (!fitter.fit(sp, candidateHits, 3, ORIGIN_WEIGHT, helix))
            {
                continue;
            }
            final int n = extend(sp);
            if (n >= config.minHits())
            {
                for (int i = 0; i < n; i++)
                {
                    claimed[candidateHits[i]] = true;
                }
                candidates.add(candidateHits, n, fitter.chi2() / fitter.ndf());
            }
        }
        resolve(sp, out);
    }

    private void sortSeeds(final SeedBuffer seeds)
    {
        if (seedOrder.length < seeds.size)
        {
            seedOrder = new int[2 * seeds.size];
        }
        if (seedKeys.length < seeds.size)
        {
            seedKeys = new long[2 * seeds.size];
        }
        final long[] keys = seedKeys;
        for (int s = 0; s < seeds.size; s++)
        {
            keys[s] = (long)Float.floatToIntBits(Math.max(0, seeds.quality[s])) << 32 | s;
        }
        Arrays.sort(keys, 0, seeds.size);
        for (int s = 0; s < seeds.size; s++)
        {
            seedOrder[s] = (int)keys[s];
        }
    }

    /** Extends the seed in candidateHits[0..3) along {@link #helix}; returns the final hit count. */
    private int extend(final EventSpacepoints sp)
    {
        int n = 0;
        int layersWithHits = 0;
        final int crossed = orderLayers();
        java.util.Arrays.fill(layerHasHits, 0, layers.layers, false);
        for (int k = 0; k < crossed; k++)
        {
            final int added = collect(sp, layerOrder[k], n, 2.0);
            if (added > 0)
            {
                n += added;
                layerHasHits[layerOrder[k]] = true;
                layersWithHits++;
                // Hits of one or two layers (overlapping modules) do not define a helix: keep the seed's until three.
                if (layersWithHits >= 3 && !fitRecent(sp, n))
                {
                    return 0;
                }
            }
        }
        if (n < 3 || !fitter.fit(sp, candidateHits, n, originWeight(n), helix))
        {
            return 0;
        }
        // Second pass over the layers left empty, with the helix of all hits: catches inner hits a rough early helix missed.
        final int again = orderLayers();
        for (int k = 0; k < again; k++)
        {
            if (!layerHasHits[layerOrder[k]])
            {
                n += collect(sp, layerOrder[k], n, FINAL_PASS_SCALE);
            }
        }
        if (!fitter.fit(sp, candidateHits, n, originWeight(n), helix))
        {
            return 0;
        }
        return n;
    }

    /**
     * Refits the helix to the most recent hits only: the field of the real detector weakens towards the
     * end-caps, so one helix does not fit a whole forward track; a local one predicts the next layer.
     */
    private boolean fitRecent(final EventSpacepoints sp, final int n)
    {
        if (n <= RECENT_HITS)
        {
            return fitter.fit(sp, candidateHits, n, originWeight(n), helix);
        }
        System.arraycopy(candidateHits, n - RECENT_HITS, recentHits, 0, RECENT_HITS);
        return fitter.fit(sp, recentHits, RECENT_HITS, 0, helix);
    }

    /** Short candidates lean on the beam line; long ones mostly on their hits, so displaced tracks survive. */
    private static double originWeight(final int hits)
    {
        return hits < 6 ? ORIGIN_WEIGHT : 0.1;
    }

    /** Orders the layers the helix crosses by arc length; returns how many. */
    private int orderLayers()
    {
        int count = 0;
        final double sMax = Math.PI * helix.radius;
        for (int l = 0; l < layers.layers; l++)
        {
            final double s = layers.barrel[l] ? helix.crossCylinder(layers.position[l]) : helix.crossPlane(layers.position[l]);
            if (!(s > 0 && s < sMax))
            {
                continue;
            }
            final double extent = layers.barrel[l] ? helix.z(s) : Helix.length(helix.x(s), helix.y(s));
            final double margin = layers.barrel[l] ? 20 : 20;
            if (extent < layers.extentMin[l] - margin || extent > layers.extentMax[l] + margin)
            {
                continue;
            }
            int at = count++;
            while (at > 0 && layerArc[at - 1] > s)
            {
                layerArc[at] = layerArc[at - 1];
                layerOrder[at] = layerOrder[at - 1];
                at--;
            }
            layerArc[at] = s;
            layerOrder[at] = l;
        }
        return count;
    }

    /**
     * Adds to candidateHits[n..] the hits of layer {@code l} compatible with the helix: the best one,
     * plus others on different modules (overlaps) that pass the windows. Returns how many.
     */
    private int collect(final EventSpacepoints sp, final int l, final int n, final double scale)
    {
        if (n >= MAX_HITS - 4)
        {
            return 0;
        }
        final double s = layers.barrel[l] ? helix.crossCylinder(layers.position[l]) : helix.crossPlane(layers.position[l]);
        final double px = helix.x(s);
        final double py = helix.y(s);
        final double rPred = Helix.length(px, py);
        final double phiPred = Math.atan2(py, px);
        window.widest(phiPred, (30 * scale * config.windowScale()) / Math.max(rPred, 20));
        if (narrowWindows)
        {
            final double f = scale * config.windowScale();
            final double scattering = scatteringWindow();
            final double across = HitWindows.across(layers.volume[l], layers.barrel[l], f, scattering);
            if (layers.barrel[l])
            {
                window.narrowToBarrelCrossing(helix, layers.radiusMin[l], layers.radiusMax[l], phiPred, across);
            }
            else
            {
                final double dz = Math.max(Math.abs(layers.zMin[l] - layers.position[l]), Math.abs(layers.zMax[l] - layers.position[l]));
                window.narrowToDiskCrossing(helix, dz, phiPred, rPred, across, HitWindows.diskAlong(layers.volume[l], f, scattering));
            }
        }
        int count = 0;
        count = scan(sp, l, window.low(), window.high(), scale, count);
        if (window.low() < -Math.PI)
        {
            count = scan(sp, l, window.low() + 2 * Math.PI, Math.PI, scale, count);
        }
        if (window.high() > Math.PI)
        {
            count = scan(sp, l, -Math.PI, window.high() - 2 * Math.PI, scale, count);
        }
        // Best first; one hit per module.
        int added = 0;
        for (int a = 0; a < count; a++)
        {
            int best = a;
            for (int b = a + 1; b < count; b++)
            {
                if (foundScore[b] < foundScore[best])
                {
                    best = b;
                }
            }
            final int hit = found[best];
            found[best] = found[a];
            foundScore[best] = foundScore[a];
            found[a] = hit;
            boolean sameModule = false;
            for (int k = n; k < n + added; k++)
            {
                sameModule |= sp.moduleId[candidateHits[k]] == sp.moduleId[hit];
            }
            // A second hit in a layer (overlapping modules) must sit close to the helix: wide windows would steal neighbours' hits.
            if (!sameModule && n + added < MAX_HITS && (added == 0 || foundScore[a] <= OVERLAP_SCORE_MAX))
            {
                candidateHits[n + added++] = hit;
            }
        }
        return added;
    }

    private int scan(final EventSpacepoints sp, final int l, final double phiLow, final double phiHigh, final double scale, final int count)
    {
        int c = count;
        final int end = layers.start[l + 1];
        for (int k = layers.lowerBound(l, phiLow); k < end && layers.phi[k] <= phiHigh; k++)
        {
            final int i = layers.hits[k];
            final double score = residual(sp, i, scale);
            if (score >= 0 && c < found.length)
            {
                found[c] = i;
                foundScore[c] = score;
                c++;
            }
        }
        return c;
    }

    /** Normalised squared residual of hit i to the helix, or -1 when outside the windows. */
    private double residual(final EventSpacepoints sp, final int i, final double scale)
    {
        final int volume = sp.volume(i);
        final double f = scale * config.windowScale();
        final double dx = sp.x[i] - helix.xc;
        final double dy = sp.y[i] - helix.yc;
        final double across = Helix.length(dx, dy) - helix.radius;
        final double scattering = scatteringWindow();
        final double acrossWindow = HitWindows.across(volume, sp.isBarrel(i), f, scattering);
        if (Math.abs(across) > acrossWindow)
        {
            return -1;
        }
        final double along;
        final double alongWindow;
        if (sp.isBarrel(i))
        {
            final double s = helix.arcLength(Math.atan2(dy, dx));
            if (s < -5)
            {
                return -1;
            }
            along = sp.z[i] - helix.z(s);
            alongWindow = HitWindows.barrelAlong(volume, f, scattering);
        }
        else
        {
            final double s = (sp.z[i] - helix.z0) / helix.t;
            if (!(s > -5))
            {
                return -1;
            }
            final double alpha = Math.atan2(dy, dx);
            final double alphaPred = helix.alpha0 + helix.h * s / helix.radius;
            along = helix.radius * Helix.wrap(alpha - alphaPred);
            alongWindow = HitWindows.diskAlong(volume, f, scattering);
        }
        if (Math.abs(along) > alongWindow)
        {
            return -1;
        }
        final double a = across / acrossWindow;
        final double b = along / alongWindow;
        return a * a + b * b;
    }

    /** Multiple scattering grows as 1/p: every window widens for soft tracks by this, mm. */
    private double scatteringWindow()
    {
        return MS_WINDOW_MM_GEV / (helix.pt(config.bFieldTesla()) * Math.sqrt(1 + helix.t * helix.t));
    }

    private void resolve(final EventSpacepoints sp, final TrackCandidates out)
    {
        out.clear();
        Arrays.fill(owner, 0, sp.size, -1);
        final int[] order = candidates.rankedOrder();
        final int[] kept = keptHits;
        for (int rank = 0; rank < candidates.size(); rank++)
        {
            final int c = order[rank];
            int n = 0;
            for (int k = candidates.start(c); k < candidates.end(c); k++)
            {
                final int hit = candidates.hit(k);
                if (owner[hit] < 0)
                {
                    kept[n++] = hit;
                }
            }
            if (n >= config.minHits())
            {
                final int track = out.add(kept, n, candidates.quality(c));
                for (int k = 0; k < n; k++)
                {
                    owner[kept[k]] = track;
                }
            }
        }
    }
}
