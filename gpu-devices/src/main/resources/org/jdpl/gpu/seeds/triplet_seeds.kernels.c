/*
 * Triplet seed candidates of a timeframe, in the portable kernel dialect (KERNEL, GLOBAL, GLOBAL_ID,
 * FUNCTION: see org.jdpl.gpu.KernelProgram). SeedKernels holds the Java form of every kernel here,
 * for the CPU reference backend: change both together.
 *
 * The seeding spacepoints ("slots") come grouped by (event, phi bin), each group ordered as
 * org.jdpl.devices.reco.seed.PhiBins orders it; group g holds slots bin_start[g] .. bin_start[g + 1].
 * point holds x, y, z, r, phi and the phi reach at pt-min per slot (double, as the CPU seeder
 * computes them); info holds the layer key and the group per slot. One work item per middle slot walks its bottoms and tops
 * exactly as org.jdpl.devices.reco.seed.SeedFinder does, so candidates come out in the CPU
 * seeder's order, and applies its cuts in double precision. Both backends compile with contraction
 * off (no fused multiply-add), so +, -, *, / and sqrt round as Java's do and the doublet and slope
 * cuts decide as Java's; asin and hypot may differ from Java's in the last bits, so the triplet
 * cuts built on them have a slack (SLACK, SLOPE_SLACK), as the others do for safety. The
 * candidates are thus a superset of the triplets the CPU seeder accepts, and the host re-checks
 * each one with the CPU code.
 */

#ifdef cl_khr_fp64
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#endif

#define PHI_BINS 64
#define SEED_PI 3.141592653589793
#define SLACK 1e-9
/* Relative slack of the slope agreement, whose arc lengths go through asin near 1 (error up to ~1e-8). */
#define SLOPE_SLACK 1e-6

#define P_X 0
#define P_Y 1
#define P_Z 2
#define P_R 3
#define P_PHI 4
#define P_REACH 5
#define POINT_DOUBLES 6
/* Compatible tops of a middle kept in private memory; a middle with more walks its tops once per bottom. */
#define TOPS 256

#define C_RADIUS_MIN 0
#define C_DELTA_R_MIN 1
#define C_DELTA_R_MAX 2
#define C_COT_THETA_MAX 3
#define C_Z0_MAX 4
#define C_D0_MAX 5
#define C_COT_TOLERANCE 6

FUNCTION double wrap_angle(double a)
{
    while (a > SEED_PI)
    {
        a -= 2 * SEED_PI;
    }
    while (a <= -SEED_PI)
    {
        a += 2 * SEED_PI;
    }
    return a;
}

/* PhiBins.lowerBound within one group, midpoints taken relative to the group's start as there. */
FUNCTION int lower_bound(GLOBAL const double* point, const int start, const int end, const double r)
{
    int lo = 0;
    int hi = end - start;
    while (lo < hi)
    {
        const int mid = (lo + hi) >> 1;
        if (point[POINT_DOUBLES * (start + mid) + P_R] < r)
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

/* SeedCuts.compatibleDoublet for inner slot a, outer slot b. */
FUNCTION int doublet(GLOBAL const double* point, GLOBAL const int* info, GLOBAL const double* cut, const int a, const int b)
{
    if (info[2 * a] == info[2 * b])
    {
        return 0;
    }
    const double ra = point[POINT_DOUBLES * a + P_R];
    const double rb = point[POINT_DOUBLES * b + P_R];
    const double za = point[POINT_DOUBLES * a + P_Z];
    const double cot = (point[POINT_DOUBLES * b + P_Z] - za) / (rb - ra);
    if (fabs(cot) > cut[C_COT_THETA_MAX])
    {
        return 0;
    }
    const double z0 = za - ra * cot;
    if (fabs(z0) > cut[C_Z0_MAX])
    {
        return 0;
    }
    const double dphi = fabs(wrap_angle(point[POINT_DOUBLES * b + P_PHI] - point[POINT_DOUBLES * a + P_PHI]));
    /* SeedCuts.turn: beyond the pt-min circle's radius, the turn of the track whose radius is rb. */
    const double allowed = rb <= cut[C_RADIUS_MIN] ? point[POINT_DOUBLES * b + P_REACH] - point[POINT_DOUBLES * a + P_REACH]
        : 0.5235987755982989 - asin(ra / (2 * rb));
    return dphi <= allowed + cut[C_D0_MAX] * (1 / ra - 1 / rb) + 0.005 + SLACK;
}

/* SeedCuts.tripletQuality's cuts, with slack on those built on hypot and asin. */
FUNCTION int triplet(GLOBAL const double* point, GLOBAL const int* info, GLOBAL const double* cut, const int b, const int m,
                     const int t)
{
    if (info[2 * b] == info[2 * t])
    {
        return 0;
    }
    const double xb = point[POINT_DOUBLES * b + P_X];
    const double yb = point[POINT_DOUBLES * b + P_Y];
    const double xm = point[POINT_DOUBLES * m + P_X];
    const double ym = point[POINT_DOUBLES * m + P_Y];
    const double xt = point[POINT_DOUBLES * t + P_X];
    const double yt = point[POINT_DOUBLES * t + P_Y];
    const double ax = xm - xb;
    const double ay = ym - yb;
    const double bx = xt - xb;
    const double by = yt - yb;
    const double cross = ax * by - ay * bx;
    if (fabs(cross) < 1e-9)
    {
        return 0;
    }
    const double a2 = ax * ax + ay * ay;
    const double b2 = bx * bx + by * by;
    const double cx = xb + (by * a2 - ay * b2) / (2 * cross);
    const double cy = yb + (ax * b2 - bx * a2) / (2 * cross);
    const double radius = hypot(xb - cx, yb - cy);
    if (radius < cut[C_RADIUS_MIN] * (1 - SLACK))
    {
        return 0;
    }
    const double centre = hypot(cx, cy);
    if (fabs(centre - radius) > cut[C_D0_MAX] + SLACK * (centre + radius))
    {
        return 0;
    }
    const double s_bm = 2 * radius * asin(fmin(1.0, sqrt(a2) / (2 * radius)));
    const double s_mt = 2 * radius * asin(fmin(1.0, hypot(xt - xm, yt - ym) / (2 * radius)));
    const double zm = point[POINT_DOUBLES * m + P_Z];
    const double cot_bm = (zm - point[POINT_DOUBLES * b + P_Z]) / s_bm;
    const double cot_mt = (point[POINT_DOUBLES * t + P_Z] - zm) / s_mt;
    const double scale = 1 + cot_bm * cot_bm;
    const double dcot = fabs(cot_bm - cot_mt) / scale;
    return dcot <= cut[C_COT_TOLERANCE] + SLOPE_SLACK * (fabs(cot_bm) + fabs(cot_mt)) / scale + SLACK;
}

/* Writes candidate (b, t) as the found-th of its middle when below limit. */
FUNCTION void emit(GLOBAL int* out, const int found, const int limit, const int b, const int t)
{
    if (found < limit)
    {
        out[2 * found] = b;
        out[2 * found + 1] = t;
    }
}

/*
 * The candidates of middle slot m in SeedFinder's order (bottoms by phi bin then radius, and for
 * each its tops the same way): the first `limit` are written to out as (bottom, top) slot pairs,
 * all are counted.
 */
FUNCTION int scan_middle(GLOBAL const double* point, GLOBAL const int* info, GLOBAL const int* bin_start,
                         GLOBAL const double* cut, const int neighbours, const int m, GLOBAL int* out, const int limit)
{
    const int group = info[2 * m + 1];
    const int bin = group % PHI_BINS;
    const int first_group = group - bin;
    const double rm = point[POINT_DOUBLES * m + P_R];
    const double zm = point[POINT_DOUBLES * m + P_Z];
    const double bottom_from = rm - cut[C_DELTA_R_MAX];
    const double bottom_to = rm - cut[C_DELTA_R_MIN];
    const double top_from = rm + cut[C_DELTA_R_MIN];
    const double top_to = rm + cut[C_DELTA_R_MAX];
    const double cot_tolerance = cut[C_COT_TOLERANCE];
    int top_slot[TOPS];
    double top_cot[TOPS];
    int tops = 0;
    for (int dt = -neighbours; dt <= neighbours; dt++)
    {
        const int tg = first_group + (bin + dt + PHI_BINS) % PHI_BINS;
        const int t_end = bin_start[tg + 1];
        for (int t = lower_bound(point, bin_start[tg], t_end, top_from); t < t_end && point[POINT_DOUBLES * t + P_R] <= top_to; t++)
        {
            if (doublet(point, info, cut, m, t))
            {
                if (tops < TOPS)
                {
                    top_slot[tops] = t;
                    top_cot[tops] = (point[POINT_DOUBLES * t + P_Z] - zm) / (point[POINT_DOUBLES * t + P_R] - rm);
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
        const int bg = first_group + (bin + db + PHI_BINS) % PHI_BINS;
        const int b_end = bin_start[bg + 1];
        for (int b = lower_bound(point, bin_start[bg], b_end, bottom_from);
             b < b_end && point[POINT_DOUBLES * b + P_R] <= bottom_to; b++)
        {
            if (!doublet(point, info, cut, b, m))
            {
                continue;
            }
            const double cot = (zm - point[POINT_DOUBLES * b + P_Z]) / (rm - point[POINT_DOUBLES * b + P_R]);
            const double allowed = (cot_tolerance * (1 + cot * cot) + 0.1 * fabs(cot) + 0.01) * (1 + SLACK);
            if (tops <= TOPS)
            {
                for (int it = 0; it < tops; it++)
                {
                    if (fabs(top_cot[it] - cot) <= allowed && triplet(point, info, cut, b, m, top_slot[it]))
                    {
                        emit(out, found++, limit, b, top_slot[it]);
                    }
                }
                continue;
            }
            for (int dt = -neighbours; dt <= neighbours; dt++)
            {
                const int tg = first_group + (bin + dt + PHI_BINS) % PHI_BINS;
                const int t_end = bin_start[tg + 1];
                for (int t = lower_bound(point, bin_start[tg], t_end, top_from);
                     t < t_end && point[POINT_DOUBLES * t + P_R] <= top_to; t++)
                {
                    const double cot_top = (point[POINT_DOUBLES * t + P_Z] - zm) / (point[POINT_DOUBLES * t + P_R] - rm);
                    if (fabs(cot_top - cot) <= allowed && doublet(point, info, cut, m, t) && triplet(point, info, cut, b, m, t))
                    {
                        emit(out, found++, limit, b, t);
                    }
                }
            }
        }
    }
    return found;
}

/*
 * One pass over every middle slot: middle m writes its first per_middle candidates into its own
 * region, candidate[2 * per_middle * m] on, and counts all of them. The host sizes the regions so
 * that few middles overflow; only those are walked again, by fill_triplets.
 */
KERNEL void find_triplets(GLOBAL const double* point, GLOBAL const int* info, GLOBAL const int* bin_start,
                          GLOBAL const double* cut, GLOBAL int* count, GLOBAL int* candidate, const int neighbours,
                          const int n, const int per_middle)
{
    const int m = GLOBAL_ID;
    if (m < n)
    {
        count[m] = scan_middle(point, info, bin_start, cut, neighbours, m, candidate + 2 * (long)per_middle * m, per_middle);
    }
}

/*
 * The candidates of the overflowing middles middle[first] .. middle[last - 1], each written whole
 * from candidate[2 * at[i]] on, where at holds its position within this pass (the host splits the
 * overflowing middles into passes that fit the candidate buffer).
 */
KERNEL void fill_triplets(GLOBAL const double* point, GLOBAL const int* info, GLOBAL const int* bin_start,
                          GLOBAL const double* cut, GLOBAL const int* count, GLOBAL const int* middle, GLOBAL const int* at,
                          GLOBAL int* candidate, const int neighbours, const int first, const int last)
{
    const int i = first + GLOBAL_ID;
    if (i < last)
    {
        const int m = middle[i];
        scan_middle(point, info, bin_start, cut, neighbours, m, candidate + 2 * (long)at[i], count[m]);
    }
}
