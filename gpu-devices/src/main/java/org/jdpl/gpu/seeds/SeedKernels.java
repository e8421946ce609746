package org.jdpl.gpu.seeds;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;
import java.util.Map;

import org.jdpl.gpu.CpuKernelArgs;
import org.jdpl.gpu.KernelProgram;
import org.jdpl.gpu.KernelSource;

/**
 * The triplet candidate kernels: the portable source ({@code triplet_seeds.kernels.c}, which
 * explains the data layout and the slack on the cuts) and, for the CPU reference backend, the same
 * algorithm in Java, kernel for kernel and argument for argument.
 */
final class SeedKernels
{
    static final String FIND = "find_triplets";
    static final String FILL = "fill_triplets";
    static final String SOURCE_RESOURCE = "triplet_seeds.kernels.c";

    static final int PHI_BINS = 64;
    static final int POINT_DOUBLES = 6;
    static final int X = 0;
    static final int Y = 1;
    static final int Z = 2;
    static final int R = 3;
    static final int PHI = 4;
    static final int REACH = 5;
    static final int INFO_INTS = 2;

    static final int RADIUS_MIN = 0;
    static final int DELTA_R_MIN = 1;
    static final int DELTA_R_MAX = 2;
    static final int COT_THETA_MAX = 3;
    static final int Z0_MAX = 4;
    static final int D0_MAX = 5;
    static final int COT_TOLERANCE = 6;
    static final int CUTS = 7;

    private static final double PI = 3.141592653589793;
    private static final double SLACK = 1e-9;
    private static final double SLOPE_SLACK = 1e-6;
    private static final int TOPS = 256;

    static final KernelProgram PROGRAM = new KernelProgram("triplet-seeds", KernelSource.read(SeedKernels.class, SOURCE_RESOURCE),
        Map.of(
        FIND, (globalSize, args) -> find(args),
        FILL, (globalSize, args) -> fill(args)));

    private SeedKernels()
    {
    }

    private static void find(final CpuKernelArgs args)
    {
        final Scan scan = new Scan(args.buffer(0), args.buffer(1), args.buffer(2), args.buffer(3), args.intArg(6));
        final MemorySegment count = args.buffer(4);
        final MemorySegment candidate = args.buffer(5);
        final int n = args.intArg(7);
        final int perMiddle = args.intArg(8);
        for (int m = 0; m < n; m++)
        {
            count.setAtIndex(JAVA_INT, m, scan.middle(m, candidate, 2L * perMiddle * m, perMiddle));
        }
    }

    private static void fill(final CpuKernelArgs args)
    {
        final Scan scan = new Scan(args.buffer(0), args.buffer(1), args.buffer(2), args.buffer(3), args.intArg(8));
        final MemorySegment count = args.buffer(4);
        final MemorySegment middle = args.buffer(5);
        final MemorySegment at = args.buffer(6);
        final MemorySegment candidate = args.buffer(7);
        final int first = args.intArg(9);
        final int last = args.intArg(10);
        for (int i = first; i < last; i++)
        {
            final int m = middle.getAtIndex(JAVA_INT, i);
            scan.middle(m, candidate, 2L * at.getAtIndex(JAVA_INT, i), count.getAtIndex(JAVA_INT, m));
        }
    }

    /** One launch's inputs, and the per-middle walk of {@code scan_middle}. */
    private record Scan(MemorySegment point, MemorySegment info, MemorySegment binStart, MemorySegment cut, int neighbours,
        int[] topSlot, double[] topCot)
    {
        Scan(final MemorySegment point, final MemorySegment info, final MemorySegment binStart, final MemorySegment cut,
            final int neighbours)
        {
            this(point, info, binStart, cut, neighbours, new int[TOPS], new double[TOPS]);
        }

        int middle(final int m, final MemorySegment out, final long outIndex, final int limit)
        {
            final int group = info.getAtIndex(JAVA_INT, INFO_INTS * m + 1);
            final int bin = group % PHI_BINS;
            final int firstGroup = group - bin;
            final double rm = p(m, R);
            final double zm = p(m, Z);
            final double bottomFrom = rm - cut(DELTA_R_MAX);
            final double bottomTo = rm - cut(DELTA_R_MIN);
            final double topFrom = rm + cut(DELTA_R_MIN);
            final double topTo = rm + cut(DELTA_R_MAX);
            final double cotTolerance = cut(COT_TOLERANCE);
            int tops = 0;
            for (int dt = -neighbours; dt <= neighbours; dt++)
            {
                final int tg = firstGroup + (bin + dt + PHI_BINS) % PHI_BINS;
                final int tEnd = binStart.getAtIndex(JAVA_INT, tg + 1);
                for (int t = lowerBound(binStart.getAtIndex(JAVA_INT, tg), tEnd, topFrom); t < tEnd && p(t, R) <= topTo; t++)
                {
                    if (doublet(m, t))
                    {
                        if (tops < TOPS)
                        {
                            topSlot[tops] = t;
                            topCot[tops] = (p(t, Z) - zm) / (p(t, R) - rm);
                        }
                        tops++;
                    }
                }
            }
            if (tops == 0)
            {
                return 0;
            }
            int found = 0;
            for (int db = -neighbours; db <= neighbours; db++)
            {
                final int bg = firstGroup + (bin + db + PHI_BINS) % PHI_BINS;
                final int bEnd = binStart.getAtIndex(JAVA_INT, bg + 1);
                for (int b = lowerBound(binStart.getAtIndex(JAVA_INT, bg), bEnd, bottomFrom); b < bEnd && p(b, R) <= bottomTo; b++)
                {
                    if (!doublet(b, m))
                    {
                        continue;
                    }
                    final double cot = (zm - p(b, Z)) / (rm - p(b, R));
                    final double allowed = (cotTolerance * (1 + cot * cot) + 0.1 * Math.abs(cot) + 0.01) * (1 + SLACK);
                    if (tops <= TOPS)
                    {
                        for (int it = 0; it < tops; it++)
                        {
                            if (Math.abs(topCot[it] - cot) <= allowed && triplet(b, m, topSlot[it]))
                            {
                                emit(out, outIndex, found++, limit, b, topSlot[it]);
                            }
                        }
                        continue;
                    }
                    for (int dt = -neighbours; dt <= neighbours; dt++)
                    {
                        final int tg = firstGroup + (bin + dt + PHI_BINS) % PHI_BINS;
                        final int tEnd = binStart.getAtIndex(JAVA_INT, tg + 1);
                        for (int t = lowerBound(binStart.getAtIndex(JAVA_INT, tg), tEnd, topFrom); t < tEnd && p(t, R) <= topTo; t++)
                        {
                            final double cotTop = (p(t, Z) - zm) / (p(t, R) - rm);
                            if (Math.abs(cotTop - cot) <= allowed && doublet(m, t) && triplet(b, m, t))
                            {
                                emit(out, outIndex, found++, limit, b, t);
                            }
                        }
                    }
                }
            }
            return found;
        }

        private static void emit(final MemorySegment out, final long outIndex, final int found, final int limit, final int b, final int t)
        {
            if (found < limit)
            {
                out.setAtIndex(JAVA_INT, outIndex + 2L * found, b);
                out.setAtIndex(JAVA_INT, outIndex + 2L * found + 1, t);
            }
        }

        private int lowerBound(final int start, final int end, final double r)
        {
            int lo = 0;
            int hi = end - start;
            while (lo < hi)
            {
                final int mid = (lo + hi) >> 1;
                if (p(start + mid, R) < r)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }
            return start + lo;
        }

        private boolean doublet(final int a, final int b)
        {
            if (layer(a) == layer(b))
            {
                return false;
            }
            final double ra = p(a, R);
            final double rb = p(b, R);
            final double za = p(a, Z);
            final double cot = (p(b, Z) - za) / (rb - ra);
            if (Math.abs(cot) > cut(COT_THETA_MAX))
            {
                return false;
            }
            final double z0 = za - ra * cot;
            if (Math.abs(z0) > cut(Z0_MAX))
            {
                return false;
            }
            final double dphi = Math.abs(wrap(p(b, PHI) - p(a, PHI)));
            final double allowed = rb <= cut(RADIUS_MIN) ? p(b, REACH) - p(a, REACH) : Math.PI / 6 - Math.asin(ra / (2 * rb));
            return dphi <= allowed + cut(D0_MAX) * (1 / ra - 1 / rb) + 0.005 + SLACK;
        }

        private boolean triplet(final int b, final int m, final int t)
        {
            if (layer(b) == layer(t))
            {
                return false;
            }
            final double xb = p(b, X);
            final double yb = p(b, Y);
            final double xm = p(m, X);
            final double ym = p(m, Y);
            final double xt = p(t, X);
            final double yt = p(t, Y);
            final double ax = xm - xb;
            final double ay = ym - yb;
            final double bx = xt - xb;
            final double by = yt - yb;
            final double cross = ax * by - ay * bx;
            if (Math.abs(cross) < 1e-9)
            {
                return false;
            }
            final double a2 = ax * ax + ay * ay;
            final double b2 = bx * bx + by * by;
            final double cx = xb + (by * a2 - ay * b2) / (2 * cross);
            final double cy = yb + (ax * b2 - bx * a2) / (2 * cross);
            final double radius = Math.hypot(xb - cx, yb - cy);
            if (radius < cut(RADIUS_MIN) * (1 - SLACK))
            {
                return false;
            }
            final double centre = Math.hypot(cx, cy);
            if (Math.abs(centre - radius) > cut(D0_MAX) + SLACK * (centre + radius))
            {
                return false;
            }
            final double sBm = 2 * radius * Math.asin(Math.min(1.0, Math.sqrt(a2) / (2 * radius)));
            final double sMt = 2 * radius * Math.asin(Math.min(1.0, Math.hypot(xt - xm, yt - ym) / (2 * radius)));
            final double zm = p(m, Z);
            final double cotBm = (zm - p(b, Z)) / sBm;
            final double cotMt = (p(t, Z) - zm) / sMt;
            final double scale = 1 + cotBm * cotBm;
            final double dcot = Math.abs(cotBm - cotMt) / scale;
            return dcot <= cut(COT_TOLERANCE) + SLOPE_SLACK * (Math.abs(cotBm) + Math.abs(cotMt)) / scale + SLACK;
        }

        private double p(final int slot, final int field)
        {
            return point.getAtIndex(JAVA_DOUBLE, (long)POINT_DOUBLES * slot + field);
        }

        private int layer(final int slot)
        {
            return info.getAtIndex(JAVA_INT, (long)INFO_INTS * slot);
        }

        private double cut(final int index)
        {
            return cut.getAtIndex(JAVA_DOUBLE, index);
        }

        private static double wrap(final double angle)
        {
            double a = angle;
            while (a > PI)
            {
                a -= 2 * PI;
            }
            while (a <= -PI)
            {
                a += 2 * PI;
            }
            return a;
        }
    }
}
