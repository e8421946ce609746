package org.jdpl.devices.reco.seed;

import java.util.Arrays;

import org.jdpl.devices.reco.event.EventSpacepoints;
import org.jdpl.devices.reco.fit.Helix;

/**
 * Finds triplet seeds in one event. The seeding spacepoints are binned per layer in phi and along the
 * layer ({@link SpacepointGrid}); for each middle spacepoint, bottoms (smaller r) and tops (larger r) are
 * looked for layer by layer only in the cells the doublet cuts allow: the phi bins a track above pt-min
 * with an impact parameter below d0-max reaches, and along the layer the positions a line from the
 * collision region through the middle reaches ({@link AlongWindow}). Each doublet found passes the exact
 * doublet cuts (radial distance, |cot theta|, z at the beam line, phi opening, skipped layers). Tops are
 * ordered by slope, so each bottom meets only the tops within its slope window; a pair then passes a
 * cheap conformal-map bound on the curvature before the exact triplet cuts (radius of the circle
 * through the three, transverse impact parameter, agreement of the two doublets' slopes along the arc).
 * The best few triplets of each middle are kept, ordered by quality (lower is better); with a tight
 * pass, a middle's triplets under its cuts, and only where there are none those under the full cuts.
 * The grid only prunes: the seeds are those every triplet within the cuts would give, whatever the
 * binning (a test compares with a search of all triplets).
 */
public final class SeedFinder
{
    /** Slack on the phi windows derived from the cuts: the exact cuts decide, the windows must only not lose. */
    private static final double PHI_SLACK = 1e-9;

    private final SeedConfig config;
    /** The first pass's cuts, or null without one; then {@link #full}'s. */
    private final SeedPass tight;
    private final SeedPass full;
    /** The pass being searched. */
    private SeedPass pass;
    private final SpacepointGrid grid;
    private final BestTriplets best;
    private int[] bottoms = new int[256];
    private int[] tops = new int[256];
    private double[] cotBottom = new double[256];
    private double[] cotTop = new double[256];
    private long[] topOrder = new long[256];
    private double[] topU = new double[256];
    private double[] topV = new double[256];
    private double[] topChord = new double[256];
    private float[] topChordCot = new float[256];
    /** The middle's tops' chord slopes (dz over the transverse chord) in increasing order, as floats. */
    private float[] sortedCot = new float[256];
    private int found;
    private final AlongWindow along = new AlongWindow();
    /** The largest arc / chord of the current middle's top doublets. */
    private double topArcsMax;

    public SeedFinder(final SeedConfig config)
    {
        this.config = config;
        this.tight = config.hasTightPass() ? new SeedPass(config.tightPass()) : null;
        this.full = new SeedPass(config);
        this.pass = full;
        this.grid = new SpacepointGrid(config.phiBins(), config.zBinMm());
        this.best = new BestTriplets(config.seedsPerMiddle());
    }

    /** Appends the event's seeds to {@code out}, middle by middle in event order, each middle's best first. */
    public void findSeeds(final EventSpacepoints sp, final SeedBuffer out)
    {
        full.cuts.prepare(sp);
        if (tight != null)
        {
            tight.cuts.prepare(sp);
        }
        grid.fill(sp, full.cuts.layers());
        for (int m = 0; m < sp.size; m++)
        {
            if (sp.volume(m) <= config.middleMaxVolume())
            {
                best.clear();
                if (tight != null)
                {
                    pass = tight;
                    seedsForMiddle(sp, m);
                }
                if (best.size() == 0)
                {
                    pass = full;
                    seedsForMiddle(sp, m);
                }
                best.emit(m, out);
            }
        }
    }

    private void seedsForMiddle(final EventSpacepoints sp, final int m)
    {
        final double rm = sp.r[m];
        final double bottomFrom = Math.max(rm - pass.config.deltaRMax(), grid.rMin());
        final double bottomTo = rm - pass.config.deltaRMin();
        final double topFrom = rm + pass.config.deltaRMin();
        final double topTo = Math.min(rm + pass.config.deltaRMax(), grid.rMax());
        if (bottomFrom > bottomTo || topFrom > topTo)
        {
            return;
        }
        found = 0;
        collect(sp, m, rm - pass.config.deltaRMax(), bottomTo, true);
        final int nb = found;
        if (nb == 0)
        {
            return;
        }
        swapBottomsAndTops();
        found = 0;
        collect(sp, m, topFrom, rm + pass.config.deltaRMax(), false);
        final int nt = found;
        swapBottomsAndTops();
        if (nt == 0)
        {
            return;
        }
        prepareTops(sp, m, nt);
        for (int ib = 0; ib < nb; ib++)
        {
            final int b = bottoms[ib];
            final double cot = (sp.z[m] - sp.z[b]) / (rm - sp.r[b]);
            final double allowed = pass.cuts.slopeWindow(cot);
            final double dx = sp.x[b] - sp.x[m];
            final double dy = sp.y[b] - sp.y[m];
            final double d2 = dx * dx + dy * dy;
            final double ub = dx / d2;
            final double vb = dy / d2;
            final double chord = Math.sqrt(d2);
            final double cotChord = (sp.z[m] - sp.z[b]) / chord;
            // The slopes along the arc the triplet cut compares are the chord slopes divided by asin(x)/x, x = chord / 2 radius,
            // which the radius cut bounds: so the top's chord slope lies in a window around the bottom's. Tops are ordered by
            // chord slope as floats: widen by float rounding; the exact cuts follow.
            final double bottomArcs = arcOverChord(chord);
            // Once the middle's best are full, a top can only rank if its slope term stays below the worst kept quality.
            final double rankable = Math.min(1, best.worstKept() * (1 + 1e-9));
            final double w = pass.config.cotToleranceMax() * rankable * (1 + cotChord * cotChord);
            final double low = Math.min(cotChord, cotChord / bottomArcs) - w;
            final double high = Math.max(cotChord, cotChord / bottomArcs) + w;
            final double from = low * (low < 0 ? topArcsMax : 1) - 1e-6 * (1 + Math.abs(low));
            final double to = high * (high > 0 ? topArcsMax : 1) + 1e-6 * (1 + Math.abs(high));
            for (int k = firstTop(nt, from); k < nt && sortedCot[k] <= to; k++)
            {
                final int it = (int)topOrder[k];
                if (Math.abs(cotTop[it] - cot) > allowed || !(qualityBound(sp, m, ub, vb, chord, cotChord, it) <= best.worstKept()))
                {
                    continue;
                }
                final int t = tops[it];
                final double q = pass.cuts.tripletQuality(sp, b, m, t);
                if (q >= 0)
                {
                    best.offer(b, t, q);
                }
            }
        }
    }

    /**
     * Collects into {@link #bottoms} the spacepoints of radius in [rFrom, rTo] that pass the doublet cuts with
     * middle {@code m}: as bottoms ({@code inner}) or as tops. Layer by layer, only the cells where such a
     * partner can lie: the phi window the cuts allow at the layer's extreme radius, and along the layer the
     * positions a line from the collision region through the middle reaches.
     */
    private void collect(final EventSpacepoints sp, final int m, final double rFrom, final double rTo, final boolean inner)
    {
        final SeedLayers layers = full.cuts.layers();
        final int middleLayer = layers.layer(m);
        for (int l = 0; l < layers.count(); l++)
        {
            final double lo = Math.max(rFrom, layers.rLow(l));
            final double hi = Math.min(rTo, layers.rHigh(l));
            if (l == middleLayer || lo > hi)
            {
                continue;
            }
            final boolean barrel = layers.barrel(l);
            if (barrel ? !along.barrel(sp, m, lo, hi, pass.config) : !along.disk(sp, m, lo, hi, layers.zLow(l), layers.zHigh(l), pass.config))
            {
                continue;
            }
            final double phiWindow = inner ? pass.cuts.bottomPhiWindow(sp.r[m], lo) : pass.cuts.topPhiWindow(sp.r[m], hi);
            final double window = Math.min(Math.PI, phiWindow + PHI_SLACK);
            int phiFrom = grid.phiIndex(sp.phi[m] - window);
            int phiTo = grid.phiIndex(sp.phi[m] + window);
            if (phiTo - phiFrom + 1 >= grid.phiBins())
            {
                phiFrom = 0;
                phiTo = grid.phiBins() - 1;
            }
            final int alongBinFrom = grid.alongBin(l, along.from);
            final int alongBinTo = grid.alongBin(l, along.to);
            for (int index = phiFrom; index <= phiTo; index++)
            {
                final int phiBin = Math.floorMod(index, grid.phiBins());
                for (int bin = alongBinFrom; bin <= alongBinTo; bin++)
                {
                    final int cellEnd = grid.cellEnd(l, phiBin, bin);
                    for (int k = grid.lowerBound(grid.cellStart(l, phiBin, bin), cellEnd, along.from); k < cellEnd && grid.along(k) <= along.to; k++)
                    {
                        final int o = grid.spacepoint(k);
                        if (sp.r[o] >= rFrom && sp.r[o] <= rTo && (inner ? pass.cuts.compatibleDoublet(sp, o, m) : pass.cuts.compatibleDoublet(sp, m, o)))
                        {
                            add(o);
                        }
                    }
                }
            }
        }
    }

    private void add(final int spacepoint)
    {
        if (found == bottoms.length)
        {
            bottoms = Arrays.copyOf(bottoms, 2 * found);
        }
        bottoms[found++] = spacepoint;
    }

    /** {@link #collect} fills {@link #bottoms}; the tops are collected there too, then swapped into place. */
    private void swapBottomsAndTops()
    {
        final int[] held = bottoms;
        bottoms = tops;
        tops = held;
    }

    /** Slopes, conformal coordinates about the middle, and the order by slope of the middle's tops. */
    private void prepareTops(final EventSpacepoints sp, final int m, final int nt)
    {
        if (cotTop.length < nt)
        {
            final int c = 2 * nt;
            cotTop = new double[c];
            topU = new double[c];
            topV = new double[c];
            topChord = new double[c];
            topChordCot = new float[c];
            topOrder = new long[c];
            sortedCot = new float[c];
        }
        double longestTop = 0;
        for (int it = 0; it < nt; it++)
        {
            final int t = tops[it];
            cotTop[it] = (sp.z[t] - sp.z[m]) / (sp.r[t] - sp.r[m]);
            final double dx = sp.x[t] - sp.x[m];
            final double dy = sp.y[t] - sp.y[m];
            final double d2 = dx * dx + dy * dy;
            topU[it] = dx / d2;
            topV[it] = dy / d2;
            topChord[it] = Math.sqrt(d2);
            topChordCot[it] = (float)((sp.z[t] - sp.z[m]) / topChord[it]);
            topOrder[it] = (long)sortableBits(topChordCot[it]) << 32 | it;
            longestTop = Math.max(longestTop, topChord[it]);
        }
        Arrays.sort(topOrder, 0, nt);
        for (int k = 0; k < nt; k++)
        {
            sortedCot[k] = topChordCot[(int)topOrder[k]];
        }
        topArcsMax = arcOverChord(longestTop);
    }

    /** The largest arc length over chord of a doublet of this chord on a circle of at least pt-min's radius: asin(x) / x. */
    private double arcOverChord(final double chord)
    {
        final double x = Math.min(1, chord * pass.curvatureMax);
        return x == 0 ? 1 : Math.asin(x) / x * (1 + 1e-9);
    }

    /** The first position of the slope-ordered tops whose slope is not below {@code cot}. */
    private int firstTop(final int nt, final double cot)
    {
        int lo = 0;
        int hi = nt;
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (sortedCot[mid] < cot)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * A lower bound of the triplet's quality, or infinity where a cut surely fails, from cheap terms: in
     * the conformal map about the middle, the circle through bottom, middle and top is the line through
     * the bottom's and top's images, {@code w . c = 1/2} for the circle's centre c (relative to the
     * middle); so radius and impact parameter need one square root, and the arcs of the slope cut follow
     * from the chords by asin's series. Every bound has slack: the exact cuts decide what passes, the bound
     * only skips triplets that cannot pass or cannot rank among the middle's best.
     */
    private double qualityBound(final EventSpacepoints sp, final int m, final double ub, final double vb, final double chordBottom,
        final double cotChordBottom, final int it)
    {
        final double cross = ub * topV[it] - topU[it] * vb;
        final double du = topU[it] - ub;
        final double dv = topV[it] - vb;
        final double line2 = du * du + dv * dv;
        if (cross * cross > pass.curvatureMax * pass.curvatureMax * line2)
        {
            return Double.POSITIVE_INFINITY;
        }
        final double cx = dv / (2 * cross);
        final double cy = -du / (2 * cross);
        final double radius = Math.sqrt(line2) / (2 * Math.abs(cross));
        // |centre|^2 - radius^2 from the middle's position, and |centre| + radius <= 2 radius + r(middle).
        final double power = sp.r[m] * sp.r[m] + 2 * (sp.x[m] * cx + sp.y[m] * cy);
        final double d0 = Math.abs(power) / (2 * radius + sp.r[m]) * (1 - 1e-6);
        if (d0 > pass.config.d0Max())
        {
            return Double.POSITIVE_INFINITY;
        }
        // (chord / 2 radius)^2 of each doublet.
        final double k = cross * cross / line2;
        final double xb2 = chordBottom * chordBottom * k;
        final double xt2 = topChord[it] * topChord[it] * k;
        if (xb2 > 0.5 || xt2 > 0.5)
        {
            // Chords near the diameter: the series converges slowly; the exact cut decides.
            return d0 / pass.config.d0Max();
        }
        // arc / chord = asin(x) / x = 1 + x^2/6 + 3x^4/40 + ..., the rest under 2 % for x^2 <= 0.5.
        final double cotB = cotChordBottom / (1 + xb2 / 6 + 0.075 * xb2 * xb2);
        final double cotT = (sp.z[tops[it]] - sp.z[m]) / (topChord[it] * (1 + xt2 / 6 + 0.075 * xt2 * xt2));
        final double dcot = (Math.abs(cotB - cotT) - 0.03 * (Math.abs(cotB) + Math.abs(cotT))) / (1 + cotB * cotB) * (1 - 1e-3);
        if (dcot > pass.config.cotToleranceMax())
        {
            return Double.POSITIVE_INFINITY;
        }
        // The cut's tolerance at this curvature, from the series' radius (underestimated by the slack: a larger tolerance).
        final double p = Helix.PT_PER_TESLA_MM * pass.config.bFieldTesla() * radius * (1 - 1e-3) * Math.sqrt(1 + cotB * cotB) / 1.03;
        return d0 / pass.config.d0Max() + Math.max(0, dcot) / pass.config.cotTolerance(p);
    }

    /** Float bits as an int that orders as the floats do (negative ones flipped). */
    private static int sortableBits(final float value)
    {
        final int bits = Float.floatToIntBits(value);
        return bits ^ (bits >> 31 & 0x7fffffff);
    }
}
