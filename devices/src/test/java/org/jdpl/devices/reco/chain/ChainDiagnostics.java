package org.jdpl.devices.reco.chain;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;

import org.jdpl.devices.reco.event.Particles;
import org.jdpl.devices.reco.event.Seeds;
import org.jdpl.devices.reco.event.SourceTimeframeWriter.Kind;
import org.jdpl.devices.reco.event.Spacepoints;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.devices.reco.event.TrackHits;
import org.jdpl.devices.reco.event.Truth;

/** Where the score is lost, per truth particle: no seed, or a seed but no good track. For tuning; prints only. */
final class ChainDiagnostics
{
    static void explain(final Arena arena, final Map<Kind, MemorySegment> in)
    {
        final ReconstructionSteps steps = ReconstructionSteps.withDefaults();
        final MemorySegment[] out = new MemorySegment[1];
        final java.util.function.LongFunction<MemorySegment> allocate = size -> out[0] = arena.allocate(size, 8);
        steps.clusterize(in.get(Kind.CELLS), in.get(Kind.MODULES), in.get(Kind.HITS), allocate);
        final MemorySegment spacepoints = out[0];
        final Table sp = new Table(Spacepoints.LAYOUT).wrap(spacepoints);
        steps.seed(out[0], allocate);
        final Table seeds = new Table(Seeds.LAYOUT).wrap(out[0]);
        steps.findTracks(spacepoints, out[0], allocate);
        final Table th = new Table(TrackHits.LAYOUT).wrap(out[0]);
        final Table truth = new Table(Truth.LAYOUT).wrap(in.get(Kind.TRUTH));
        final Table particles = new Table(Particles.LAYOUT).wrap(in.get(Kind.PARTICLES));
        for (int e = 0; e < truth.eventCount(); e++)
        {
            final Map<Long, Long> particleOfHit = new HashMap<>();
            final Map<Long, Double> weightOfHit = new HashMap<>();
            final Map<Long, Integer> hitsOf = new HashMap<>();
            final Map<Long, Double> weightOf = new HashMap<>();
            double total = 0;
            for (int r = truth.eventStart(e); r < truth.eventEnd(e); r++)
            {
                final long p = truth.getLong(Truth.PARTICLE_ID, r);
                particleOfHit.put(truth.getLong(Truth.HIT_ID, r), p);
                hitsOf.merge(p, 1, Integer::sum);
                weightOf.merge(p, (double)truth.getFloat(Truth.WEIGHT, r), Double::sum);
                total += truth.getFloat(Truth.WEIGHT, r);
            }
            final Map<Long, Integer> pureSeeds = new HashMap<>();
            for (int r = seeds.eventStart(e); r < seeds.eventEnd(e); r++)
            {
                final long pb = particleOfHit.getOrDefault(sp.getLong(Spacepoints.HIT_ID, seeds.getInt(Seeds.BOTTOM, r)), -1L);
                final long pm = particleOfHit.getOrDefault(sp.getLong(Spacepoints.HIT_ID, seeds.getInt(Seeds.MIDDLE, r)), -1L);
                final long pt = particleOfHit.getOrDefault(sp.getLong(Spacepoints.HIT_ID, seeds.getInt(Seeds.TOP, r)), -1L);
                if (pb == pm && pm == pt && pb > 0)
                {
                    pureSeeds.merge(pb, 1, Integer::sum);
                }
            }
            // best track per particle: max hits of that particle in one track
            final Map<Integer, Map<Long, Integer>> trackContent = new HashMap<>();
            final Map<Integer, Integer> trackSize = new HashMap<>();
            for (int r = th.eventStart(e); r < th.eventEnd(e); r++)
            {
                final int t = th.getInt(TrackHits.TRACK, r);
                final long p = particleOfHit.getOrDefault(th.getLong(TrackHits.HIT_ID, r), -1L);
                trackContent.computeIfAbsent(t, k -> new HashMap<>()).merge(p, 1, Integer::sum);
                trackSize.merge(t, 1, Integer::sum);
            }
            final Map<Long, int[]> best = new HashMap<>();
            trackContent.forEach((t, content) -> content.forEach((p, c) ->
            {
                final int[] b = best.computeIfAbsent(p, k -> new int[] {0, 0});
                if (c > b[0])
                {
                    b[0] = c;
                    b[1] = trackSize.get(t);
                }
            }));
            // hits of particles whose best track is good but which are not on it, by volume
            final Map<Long, Integer> trackOfHit = new HashMap<>();
            for (int r = th.eventStart(e); r < th.eventEnd(e); r++)
            {
                trackOfHit.put(th.getLong(TrackHits.HIT_ID, r), th.getInt(TrackHits.TRACK, r));
            }
            final Map<Long, Integer> bestTrack = new HashMap<>();
            trackContent.forEach((t, content) -> content.forEach((p, c) ->
            {
                if (2 * c > trackSize.get(t) && 2 * c > hitsOf.get(p))
                {
                    bestTrack.put(p, t);
                }
            }));
            final Map<Long, Integer> volumeOfHit = new HashMap<>();
            for (int r = sp.eventStart(e); r < sp.eventEnd(e); r++)
            {
                volumeOfHit.put(sp.getLong(Spacepoints.HIT_ID, r), org.jdpl.devices.reco.geometry.ModuleId.volume(sp.getInt(Spacepoints.MODULE_ID, r)));
            }
            final Map<String, Double> missing = new java.util.TreeMap<>();
            final Map<Long, Double> missingOf = new HashMap<>();
            for (int r = truth.eventStart(e); r < truth.eventEnd(e); r++)
            {
                final long p = truth.getLong(Truth.PARTICLE_ID, r);
                final long hit = truth.getLong(Truth.HIT_ID, r);
                if (bestTrack.containsKey(p) && !bestTrack.get(p).equals(trackOfHit.get(hit)))
                {
                    final String why = trackOfHit.containsKey(hit) ? "other-track" : "unassigned";
                    missing.merge("vol" + volumeOfHit.getOrDefault(hit, -1) + "-" + why, truth.getFloat(Truth.WEIGHT, r) / total, Double::sum);
                    missingOf.merge(p, (double)truth.getFloat(Truth.WEIGHT, r) / total, Double::sum);
                }
            }
            System.out.println("missing hits of good tracks, weight by volume: " + missing);
            missingOf.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(6)
                .forEach(x -> System.out.println("  most missing: particle " + x.getKey() + " weight " + x.getValue()));
            double noSeed = 0;
            double badTrack = 0;
            int nNoSeed = 0;
            int nBad = 0;
            for (int r = particles.eventStart(e); r < particles.eventEnd(e); r++)
            {
                final long p = particles.getLong(Particles.PARTICLE_ID, r);
                final double w = weightOf.getOrDefault(p, 0.0) / total;
                if (w <= 0)
                {
                    continue;
                }
                final double pt = Math.hypot(particles.getFloat(Particles.PX, r), particles.getFloat(Particles.PY, r));
                final double pz = particles.getFloat(Particles.PZ, r);
                final double eta = Math.log(pz / pt + Math.sqrt(1 + pz * pz / (pt * pt)));
                final int[] b = best.getOrDefault(p, new int[] {0, 0});
                final int n = hitsOf.get(p);
                final boolean good = 2 * b[0] > n && 2 * b[0] > b[1];
                if (!pureSeeds.containsKey(p))
                {
                    noSeed += w;
                    nNoSeed++;
                    if (w > 0.002)
                    {
                        System.out.printf("NOSEED p=%d pt=%.2f eta=%.2f nhits=%d w=%.4f vz=%.1f%n", p, pt, eta, n, w, particles.getFloat(Particles.VZ, r));
                    }
                }
                else if (!good)
                {
                    badTrack += w;
                    nBad++;
                    if (w > 0.002)
                    {
                        System.out.printf("BADTRK p=%d pt=%.2f eta=%.2f nhits=%d w=%.4f best=%d/%d seeds=%d%n", p, pt, eta, n, w, b[0], b[1], pureSeeds.get(p));
                    }
                }
            }
            System.out.printf("event %d: weight lost without a pure seed %.4f (%d particles), with seed but no good track %.4f (%d)%n",
                truth.eventId(e), noSeed, nNoSeed, badTrack, nBad);
        }
    }
}
