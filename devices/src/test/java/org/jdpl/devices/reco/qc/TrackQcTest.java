package org.jdpl.devices.reco.qc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdpl.devices.reco.SampleData;
import org.jdpl.devices.reco.chain.ReconstructionSteps;
import org.jdpl.devices.reco.event.Cells;
import org.jdpl.devices.reco.event.Particles;
import org.jdpl.devices.reco.event.SourceTimeframeWriter.Kind;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.devices.reco.event.TrackHits;
import org.jdpl.devices.reco.event.Tracks;
import org.jdpl.devices.reco.event.Truth;
import org.jdpl.devices.reco.score.ScoreTally;
import org.jdpl.devices.reco.sim.EventSimulator;
import org.jdpl.devices.reco.sim.SimConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The QC histograms of a tiny simulated event (60 particles through the whole chain) against the same figures computed
 * here directly from the tables, with maps and loops of the test's own, and against the scorer's totals.
 */
class TrackQcTest
{
    private static final QcConfig CONFIG = QcConfig.defaults();
    private static final Arena ARENA = Arena.ofShared();
    private static Table truth;
    private static Table particles;
    private static Table trackHits;
    private static Table tracks;
    private static Table cells;
    private static ScoreTally scored;
    private static TrackQc qc;

    @BeforeAll
    static void runTheChain()
    {
        final EventSimulator simulator = new EventSimulator(new SimConfig(60, 0.4, 50, 3.0, 0.1, true, 2.0, 7));
        final Map<Kind, MemorySegment> in = SampleData.write(ARENA, List.of(simulator.simulate(1), simulator.simulate(2)), simulator.geometry());
        final MemorySegment[] out = new MemorySegment[1];
        final java.util.function.LongFunction<MemorySegment> allocate = size -> out[0] = ARENA.allocate(size, 8);
        try (ReconstructionSteps steps = ReconstructionSteps.withDefaults(1e6))
        {
            steps.clusterize(in.get(Kind.CELLS), in.get(Kind.MODULES), in.get(Kind.HITS), allocate);
            final MemorySegment spacepoints = out[0];
            steps.seed(spacepoints, allocate);
            steps.findTracks(spacepoints, out[0], allocate);
            final MemorySegment trackHitTable = out[0];
            steps.fitTracks(spacepoints, trackHitTable, allocate);
            final MemorySegment trackTable = out[0];
            scored = new ScoreTally();
            steps.score(trackHitTable, trackTable, in.get(Kind.TRUTH), in.get(Kind.PARTICLES), scored);
            truth = new Table(Truth.LAYOUT).wrap(in.get(Kind.TRUTH));
            particles = new Table(Particles.LAYOUT).wrap(in.get(Kind.PARTICLES));
            trackHits = new Table(TrackHits.LAYOUT).wrap(trackHitTable);
            tracks = new Table(Tracks.LAYOUT).wrap(trackTable);
            cells = new Table(Cells.LAYOUT).wrap(in.get(Kind.CELLS));
        }
        qc = new TrackQc(CONFIG);
        for (int e = 0; e < truth.eventCount(); e++)
        {
            qc.fillEvent(truth, particles, trackHits, tracks, cells, e);
        }
        assertTrue(trackHits.rowCount() > 100 && tracks.rowCount() > 20, "the set-up makes tracks: " + tracks.rowCount());
    }

    @Test
    void shouldCountHitsPerTrackAndChi2AsTheTablesHoldThem()
    {
        final double[] hits = new double[CONFIG.hits().bins()];
        final double[] chi2 = new double[CONFIG.chi2Ndf().bins()];
        for (int e = 0; e < trackHits.eventCount(); e++)
        {
            final Map<Integer, Integer> rowsOfTrack = new HashMap<>();
            for (int row = trackHits.eventStart(e); row < trackHits.eventEnd(e); row++)
            {
                rowsOfTrack.merge(trackHits.getInt(TrackHits.TRACK, row), 1, Integer::sum);
            }
            rowsOfTrack.values().forEach(n -> hits[Math.min(n, hits.length - 1)]++);
            for (int row = tracks.eventStart(e); row < tracks.eventEnd(e); row++)
            {
                final double x = tracks.getFloat(Tracks.CHI2_NDF, row);
                if (x >= 0 && x < 50)
                {
                    chi2[(int)(x / 50 * chi2.length)]++;
                }
            }
        }
        assertArrayEquals(hits, qc.histograms().get(TrackQc.HITS_PER_TRACK).counts());
        assertArrayEquals(chi2, qc.histograms().get(TrackQc.CHI2_NDF).counts());
    }

    @Test
    void shouldAgreeWithTheScorerOnTracksFakesDuplicatesAndEfficiency()
    {
        final QcHistograms h = qc.histograms();
        assertEquals(scored.tracks(), h.count("tracks"));
        assertEquals(scored.fakeRate(), (double)h.count("fakeTracks") / h.count("tracks"), 1e-12);
        assertEquals(scored.duplicateRate(), (double)h.count("duplicateTracks") / h.count("tracks"), 1e-12);
        final double found = total(h.get(TrackQc.EFF_ETA_FOUND));
        final double all = total(h.get(TrackQc.EFF_ETA_ALL));
        assertEquals(scored.efficiency(), found / all, 1e-12, "efficiency vs eta, summed, is the scorer's efficiency");
    }

    @Test
    void shouldFillTheEfficiencyDenominatorAndResidualsAsComputedDirectly()
    {
        final double[] ptAll = new double[CONFIG.pt().bins()];
        final double[] ptResidual = new double[CONFIG.ptResidual().bins()];
        final double[] clusterSize = new double[CONFIG.clusterSize().bins()];
        final double[] helix = new double[5];
        for (int e = 0; e < truth.eventCount(); e++)
        {
            final Map<Long, Long> particleOfHit = new HashMap<>();
            final Map<Long, Integer> hitsOfParticle = new HashMap<>();
            for (int row = truth.eventStart(e); row < truth.eventEnd(e); row++)
            {
                particleOfHit.put(truth.getLong(Truth.HIT_ID, row), truth.getLong(Truth.PARTICLE_ID, row));
                hitsOfParticle.merge(truth.getLong(Truth.PARTICLE_ID, row), 1, Integer::sum);
            }
            final Map<Long, Integer> rowOfParticle = new HashMap<>();
            for (int row = particles.eventStart(e); row < particles.eventEnd(e); row++)
            {
                final long id = particles.getLong(Particles.PARTICLE_ID, row);
                rowOfParticle.put(id, row);
                final double pt = Math.hypot(particles.getFloat(Particles.PX, row), particles.getFloat(Particles.PY, row));
                if (hitsOfParticle.getOrDefault(id, 0) >= CONFIG.efficiencyMinHits() && pt < 5)
                {
                    ptAll[(int)(pt / 5 * ptAll.length)]++;
                }
            }
            final Map<Long, Integer> cellsOfHit = new HashMap<>();
            for (int row = cells.eventStart(e); row < cells.eventEnd(e); row++)
            {
                cellsOfHit.merge(cells.getLong(Cells.HIT_ID, row), 1, Integer::sum);
            }
            // each hit counts for the lowest-numbered track holding it
            final TreeMap<Integer, List<Long>> hitsOfTrack = new TreeMap<>();
            for (int row = trackHits.eventStart(e); row < trackHits.eventEnd(e); row++)
            {
                final long hit = trackHits.getLong(TrackHits.HIT_ID, row);
                hitsOfTrack.computeIfAbsent(trackHits.getInt(TrackHits.TRACK, row), k -> new ArrayList<>()).add(hit);
                clusterSize[Math.min(cellsOfHit.getOrDefault(hit, 0), clusterSize.length - 1)]++;
            }
            final Map<Long, Integer> ownerOfHit = new HashMap<>();
            hitsOfTrack.forEach((track, hits) -> hits.forEach(hit -> ownerOfHit.putIfAbsent(hit, track)));
            for (final Map.Entry<Integer, List<Long>> t : hitsOfTrack.entrySet())
            {
                final List<Long> owned = t.getValue().stream().distinct().filter(hit -> ownerOfHit.get(hit).equals(t.getKey())).toList();
                final Map<Long, Integer> votes = new TreeMap<>();
                owned.forEach(hit -> votes.merge(particleOfHit.getOrDefault(hit, 0L), 1, Integer::sum));
                final Map.Entry<Long, Integer> best = votes.entrySet().stream().reduce((a, b) -> b.getValue() > a.getValue() ? b : a).orElse(null);
                if (best == null || best.getKey() == 0 || 2 * best.getValue() <= owned.size() ||
                    2 * best.getValue() <= hitsOfParticle.get(best.getKey()))
                {
                    continue;
                }
                final int fitted = rowOfTrack(e, t.getKey());
                TrackQc.trueHelix(particles, rowOfParticle.get(best.getKey()), CONFIG.bFieldTesla(), helix);
                final double residual = (tracks.getFloat(Tracks.PT, fitted) - helix[0]) / helix[0];
                if (residual >= -0.2 && residual < 0.2)
                {
                    ptResidual[(int)((residual + 0.2) / 0.4 * ptResidual.length)]++;
                }
            }
        }
        assertArrayEquals(ptAll, qc.histograms().get(TrackQc.EFF_PT_ALL).counts());
        assertArrayEquals(ptResidual, qc.histograms().get(TrackQc.PT_RESIDUAL).counts());
        assertArrayEquals(clusterSize, qc.histograms().get(TrackQc.CLUSTER_SIZE).counts());
        assertTrue(total(qc.histograms().get(TrackQc.PT_RESIDUAL)) > 10, "good tracks had residuals");
    }

    @Test
    void shouldGiveTheTruthHelixOfAParticleFromTheOriginAsItsMomentum()
    {
        // d0 of a particle from the beam line is 0 whatever its charge; z0 is its vertex z
        try (Arena arena = Arena.ofConfined())
        {
            final Table one = new Table(Particles.LAYOUT).create(arena.allocate(Table.sizeBytes(Particles.LAYOUT, 1, 2), 8), new long[] {1},
                new int[] {2});
            for (int row = 0; row < 2; row++)
            {
                one.setLong(Particles.PARTICLE_ID, row, row + 1);
                one.setFloat(Particles.VX, row, 0);
                one.setFloat(Particles.VY, row, 0);
                one.setFloat(Particles.VZ, row, 12.5f);
                one.setFloat(Particles.PX, row, 3);
                one.setFloat(Particles.PY, row, 4);
                one.setFloat(Particles.PZ, row, 5);
                one.setInt(Particles.CHARGE, row, row == 0 ? 1 : -1);
            }
            final double[] helix = new double[5];
            for (int row = 0; row < 2; row++)
            {
                TrackQc.trueHelix(one, row, 2.0, helix);
                assertEquals(5.0, helix[0], 1e-6);
                assertEquals(Math.log(1 + Math.sqrt(2)), helix[1], 1e-6);
                assertEquals(0, helix[3], 1e-6);
                assertEquals(12.5, helix[4], 1e-6);
            }
        }
    }

    @Test
    void shouldMergeHalvesIntoTheWholeAndSurviveJson() throws Exception
    {
        final TrackQc first = new TrackQc(CONFIG);
        final TrackQc second = new TrackQc(CONFIG);
        first.fillEvent(truth, particles, trackHits, tracks, cells, 0);
        second.fillEvent(truth, particles, trackHits, tracks, cells, 1);
        final ObjectMapper json = new ObjectMapper();
        final QcHistograms merged = QcHistograms.read(json.readTree(first.histograms().toJsonBytes()));
        merged.add(QcHistograms.read(json.readTree(second.histograms().toJsonBytes())));
        for (final Histogram1D whole : qc.histograms().histograms())
        {
            final Histogram1D sum = merged.get(whole.name());
            assertArrayEquals(whole.counts(), sum.counts(), whole.name());
            assertEquals(whole.entries(), sum.entries(), whole.name());
            assertEquals(whole.underflow() + whole.overflow(), sum.underflow() + sum.overflow(), whole.name());
            assertEquals(whole.sum(), sum.sum(), 1e-9 * (1 + Math.abs(whole.sum())), whole.name()); // added in another order
        }
        assertEquals(qc.histograms().count("tracks"), merged.count("tracks"));
        assertEquals(qc.histograms().ratios(), merged.ratios());
    }

    @Test
    void shouldRejectABadBinningWithTheOptionName()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Binning.parse("pt-binning", "25,5,0"));
        assertTrue(ex.getMessage().startsWith("option 'pt-binning' = \"25,5,0\": "), ex.getMessage());
    }

    private static int rowOfTrack(final int event, final int track)
    {
        for (int row = tracks.eventStart(event); row < tracks.eventEnd(event); row++)
        {
            if (tracks.getInt(Tracks.TRACK, row) == track)
            {
                return row;
            }
        }
        throw new AssertionError("track " + track + " has no fit");
    }

    private static double total(final Histogram1D h)
    {
        double sum = h.underflow() + h.overflow();
        for (final double c : h.counts())
        {
            sum += c;
        }
        return sum;
    }
}
