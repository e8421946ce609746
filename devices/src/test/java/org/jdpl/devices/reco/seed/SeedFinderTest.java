package org.jdpl.devices.reco.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jdpl.devices.reco.SampleData;
import org.jdpl.devices.reco.chain.ReconstructionSteps;
import org.jdpl.devices.reco.event.EventSpacepoints;
import org.jdpl.devices.reco.event.SourceTimeframeWriter.Kind;
import org.jdpl.devices.reco.event.Spacepoints;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.devices.reco.sim.EventSimulator;
import org.jdpl.devices.reco.sim.SimConfig;
import org.junit.jupiter.api.Test;

/**
 * The grid seeder against a reference that tries every triplet of the event: the grid and every bound
 * before the exact cuts only prune, so both must keep the same seeds, whatever the binning.
 */
class SeedFinderTest
{
    @Test
    void shouldFindTheSeedsOfTheSearchOfAllTripletsOnASimulatedEvent()
    {
        final EventSpacepoints sp = simulatedEvent(150);
        final SeedConfig config = SeedConfig.defaults();
        final List<String> reference = allTriplets(sp, config);
        assertTrue(reference.size() > 500, "a test event with seeds: " + reference.size());
        assertEquals(reference, seeds(sp, config));
    }

    @Test
    void shouldFindTheSeedsOfTheSearchOfAllTripletsWithMiddlesInThePixelsOnly()
    {
        final EventSpacepoints sp = simulatedEvent(150);
        final SeedConfig d = SeedConfig.defaults();
        final SeedConfig config = new SeedConfig(d.ptMin(), d.bFieldTesla(), d.deltaRMin(), d.deltaRMax(), d.cotThetaMax(), d.z0Max(),
            d.d0Max(), d.cotTolerance(), d.scattering(), d.seedsPerMiddle(), d.maxVolume(), 9, d.phiBins(), d.zBinMm(), d.maxSkippedLayers(), d.tightPtMin(), d.tightD0Max());
        final List<String> reference = allTriplets(sp, config);
        final List<String> all = allTriplets(sp, d);
        assertTrue(reference.size() > 300 && reference.size() < all.size(), "pixel middles keep some seeds, not all: " + reference.size()
            + " of " + all.size());
        assertEquals(reference, seeds(sp, config));
    }

    @Test
    void shouldFindTheSeedsOfTheSearchOfAllTripletsWithATightFirstPass()
    {
        final EventSpacepoints sp = simulatedEvent(150);
        final SeedConfig tight = withCuts(SeedConfig.defaults(), 1, 0.35, 2);
        final List<String> reference = allTriplets(sp, tight);
        final List<String> onePass = allTriplets(sp, SeedConfig.defaults());
        assertTrue(reference.size() > 300 && !reference.equals(onePass), "the first pass changes the seeds: " + reference.size());
        assertEquals(reference, seeds(sp, tight));
    }

    @Test
    void shouldFindTheSeedsOfTheSearchOfAllTripletsWhateverTheLayersADoubletMaySkip()
    {
        final EventSpacepoints sp = simulatedEvent(150);
        final List<String> none = allTriplets(sp, withCuts(SeedConfig.defaults(), 0, 0.15, 10));
        final List<String> many = allTriplets(sp, withCuts(SeedConfig.defaults(), 64, 0.15, 10));
        assertTrue(!none.equals(many), "skipping layers changes the seeds");
        assertEquals(none, seeds(sp, withCuts(SeedConfig.defaults(), 0, 0.15, 10)));
        assertEquals(many, seeds(sp, withCuts(SeedConfig.defaults(), 64, 0.15, 10)));
    }

    @Test
    void shouldFindTheSameSeedsWithAnyBinning()
    {
        final EventSpacepoints sp = simulatedEvent(300);
        final SeedConfig d = SeedConfig.defaults();
        final List<String> expected = seeds(sp, d);
        for (final int[] binning : new int[][] {{1, 100000}, {7, 13}, {512, 5}})
        {
            final SeedConfig config = new SeedConfig(d.ptMin(), d.bFieldTesla(), d.deltaRMin(), d.deltaRMax(), d.cotThetaMax(), d.z0Max(),
                d.d0Max(), d.cotTolerance(), d.scattering(), d.seedsPerMiddle(), d.maxVolume(), d.middleMaxVolume(), binning[0], binning[1], d.maxSkippedLayers(), d.tightPtMin(), d.tightD0Max());
            assertEquals(expected, seeds(sp, config), "phi bins " + binning[0] + ", z bin " + binning[1] + " mm");
        }
    }

    @Test
    void shouldRejectAGridWithoutBins()
    {
        final IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> new SpacepointGrid(0, 100));
        assertTrue(zero.getMessage().contains("phi-bins 0"), zero.getMessage());
        final IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> new SpacepointGrid(64, -5));
        assertTrue(negative.getMessage().contains("z-bin -5"), negative.getMessage());
    }

    private static List<String> seeds(final EventSpacepoints sp, final SeedConfig config)
    {
        final SeedBuffer out = new SeedBuffer();
        new SeedFinder(config).findSeeds(sp, out);
        return describe(out);
    }

    /**
     * Every (bottom, middle, top) within the radial windows offered to the cuts and the best-of, in event order of middles;
     * with a tight pass, a middle's triplets under the tight cuts, and only where there are none those under the full cuts.
     */
    private static List<String> allTriplets(final EventSpacepoints sp, final SeedConfig config)
    {
        final SeedCuts cuts = new SeedCuts(config);
        cuts.prepare(sp);
        final SeedCuts tight = new SeedCuts(config.tightPass());
        tight.prepare(sp);
        final BestTriplets best = new BestTriplets(config.seedsPerMiddle());
        final SeedBuffer out = new SeedBuffer();
        for (int m = 0; m < sp.size; m++)
        {
            if (sp.volume(m) > config.middleMaxVolume())
            {
                continue;
            }
            best.clear();
            if (config.hasTightPass())
            {
                offerAll(sp, m, config, tight, best);
            }
            if (best.size() == 0)
            {
                offerAll(sp, m, config, cuts, best);
            }
            best.emit(m, out);
        }
        return describe(out);
    }

    /** Offers every triplet of middle {@code m} within the radial windows that passes {@code cuts}. */
    private static void offerAll(final EventSpacepoints sp, final int m, final SeedConfig config, final SeedCuts cuts, final BestTriplets best)
    {
        // Only pairs of a bottom and a top that each pass the doublet cuts with the middle can pass candidateQuality, which
        // checks both doublets again: listing them first keeps the search of all triplets quick.
        final List<Integer> bottoms = new ArrayList<>();
        final List<Integer> tops = new ArrayList<>();
        for (int o = 0; o < sp.size; o++)
        {
            final double dr = sp.r[o] - sp.r[m];
            if (sp.volume(o) > config.maxVolume())
            {
                continue;
            }
            if (-dr >= config.deltaRMin() && -dr <= config.deltaRMax() && cuts.compatibleDoublet(sp, o, m))
            {
                bottoms.add(o);
            }
            if (dr >= config.deltaRMin() && dr <= config.deltaRMax() && cuts.compatibleDoublet(sp, m, o))
            {
                tops.add(o);
            }
        }
        for (final int b : bottoms)
        {
            for (final int t : tops)
            {
                final double q = cuts.candidateQuality(sp, b, m, t);
                if (q >= 0)
                {
                    best.offer(b, t, q);
                }
            }
        }
    }

    private static SeedConfig withCuts(final SeedConfig d, final int maxSkippedLayers, final double tightPtMin, final double tightD0Max)
    {
        return new SeedConfig(d.ptMin(), d.bFieldTesla(), d.deltaRMin(), d.deltaRMax(), d.cotThetaMax(), d.z0Max(), d.d0Max(), d.cotTolerance(),
            d.scattering(), d.seedsPerMiddle(), d.maxVolume(), d.middleMaxVolume(), d.phiBins(), d.zBinMm(), maxSkippedLayers, tightPtMin,
            tightD0Max);
    }

    private static List<String> describe(final SeedBuffer seeds)
    {
        final List<String> out = new ArrayList<>();
        for (int s = 0; s < seeds.size; s++)
        {
            out.add(seeds.bottom[s] + "/" + seeds.middle[s] + "/" + seeds.top[s] + " " + seeds.quality[s]);
        }
        return out;
    }

    private static EventSpacepoints simulatedEvent(final int particles)
    {
        final SimConfig d = SimConfig.defaults();
        final EventSimulator simulator = new EventSimulator(new SimConfig(particles, d.ptMin(), d.ptMax(), d.etaMax(), d.noiseFraction(),
            d.multipleScattering(), d.bFieldTesla(), d.seed()));
        try (Arena arena = Arena.ofConfined())
        {
            final Map<Kind, MemorySegment> in = SampleData.write(arena, List.of(simulator.simulate(0)), simulator.geometry());
            final MemorySegment[] out = new MemorySegment[1];
            ReconstructionSteps.withDefaults(1e6).clusterize(in.get(Kind.CELLS), in.get(Kind.MODULES), in.get(Kind.HITS),
                size -> out[0] = arena.allocate(size, 8));
            return new EventSpacepoints().load(new Table(Spacepoints.LAYOUT).wrap(out[0]), 0);
        }
    }
}
