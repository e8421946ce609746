package org.jdpl.gpu.reco;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.function.LongFunction;

import org.jdpl.devices.reco.event.EventSpacepoints;
import org.jdpl.devices.reco.event.Spacepoints;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.devices.reco.geometry.ModuleId;
import org.jdpl.devices.reco.seed.BestTriplets;
import org.jdpl.devices.reco.seed.PhiBins;
import org.jdpl.devices.reco.seed.SeedBuffer;
import org.jdpl.devices.reco.seed.SeedCuts;
import org.jdpl.devices.reco.seed.SeedTableWriter;
import org.jdpl.gpu.seeds.GpuTripletSearch;
import org.jdpl.gpu.seeds.SeedSlots;
import org.jdpl.gpu.seeds.TripletCandidates;

/**
 * The {@code seeder} step with the triplet search on the GPU: the whole timeframe's seeding
 * spacepoints go to the GPU in one batch (each event's phi bins as the CPU seeder builds them), the
 * GPU walks every middle's bottoms and tops and returns the triplets that pass the cuts (with a
 * little slack, since asin and hypot may differ in the last bits), in the CPU seeder's order. The
 * host then re-checks each candidate with {@link SeedCuts}, the CPU seeder's own code, and keeps
 * each middle's best with {@link BestTriplets}. So the seed table is bit for bit that of
 * {@link org.jdpl.devices.reco.seed.SeedFinder}. Working memory grows to the largest timeframe seen
 * and is reused.
 */
public final class TimeframeSeeder
{
    private final GpuTripletSearch gpu;
    private final SeedCuts cuts;
    /** The first pass's cuts, as the CPU seeder's, or null without one. */
    private final SeedCuts tightCuts;
    private final Table spacepointsIn = new Table(Spacepoints.LAYOUT);
    private final PhiBins bins = new PhiBins();
    private final SeedSlots slots = new SeedSlots();
    private final TripletCandidates candidates = new TripletCandidates();
    private final BestTriplets best;
    private final SeedBuffer seeds = new SeedBuffer();
    private final SeedTableWriter writer = new SeedTableWriter();
    private EventSpacepoints[] events = new EventSpacepoints[0];
    private int[] slotOfMiddle = new int[1024];

    /**
     * @param gpu  the GPU triplet search, owned by the caller, built with the same {@code cuts}
     * @param cuts the seeder's cuts
     */
    public TimeframeSeeder(final GpuTripletSearch gpu, final SeedCuts cuts)
    {
        this.gpu = gpu;
        this.cuts = cuts;
        this.tightCuts = cuts.config().hasTightPass() ? new SeedCuts(cuts.config().tightPass()) : null;
        this.best = new BestTriplets(cuts.config().seedsPerMiddle());
    }

    /** Seeds of one timeframe's spacepoint table, as a seed table from {@code allocate}. */
    public void seed(final long timeslice, final MemorySegment spacepointTable, final LongFunction<MemorySegment> allocate)
    {
        spacepointsIn.wrap(spacepointTable);
        final int eventCount = spacepointsIn.eventCount();
        ensureEvents(eventCount);
        slots.clear();
        double window = 0;
        for (int e = 0; e < eventCount; e++)
        {
            events[e].load(spacepointsIn, e);
            bins.fill(events[e], cuts.config().maxVolume());
            slots.addEvent(events[e], bins, cuts);
            window = Math.max(window, cuts.largestPhiWindow(events[e]));
        }
        // Enough phi bins that the GPU's walk covers every window the CPU seeder's grid walks.
        final int neighbours = (int)Math.min(PhiBins.BINS / 2, Math.ceil(window / (2 * Math.PI / PhiBins.BINS)) + 1);
        gpu.search(timeslice, slots, neighbours, candidates);
        writer.clear();
        for (int e = 0; e < eventCount; e++)
        {
            seeds.clear();
            cuts.prepare(events[e]);
            if (tightCuts != null)
            {
                tightCuts.prepare(events[e]);
            }
            selectSeeds(events[e], slots.groupStart(e * PhiBins.BINS), slots.groupStart((e + 1) * PhiBins.BINS));
            writer.addEvent(events[e], seeds);
        }
        writer.writeTo(allocate);
    }

    /** Triplet candidates the last timeframe's GPU search returned: at least the seeds' triplets. */
    public int lastCandidates()
    {
        return candidates.total();
    }

    /** Runs the GPU search once on one spacepoint, so the kernels are compiled before the first timeframe. */
    public void warmUp()
    {
        final EventSpacepoints one = new EventSpacepoints();
        one.size = 1;
        one.x[0] = 100;
        one.r[0] = 100;
        one.moduleId[0] = ModuleId.of(cuts.config().maxVolume(), 2, 1);
        final SeedSlots slot = new SeedSlots();
        bins.fill(one, cuts.config().maxVolume());
        slot.addEvent(one, bins, cuts);
        gpu.warmUp(slot);
    }

    /**
     * The CPU seeder's selection over the middles of slots {@code from} to {@code to}, emitted as it emits
     * them: middle by middle in event order.
     */
    private void selectSeeds(final EventSpacepoints sp, final int from, final int to)
    {
        if (slotOfMiddle.length < sp.size)
        {
            slotOfMiddle = new int[Math.max(sp.size, 2 * slotOfMiddle.length)];
        }
        Arrays.fill(slotOfMiddle, 0, sp.size, -1);
        for (int slot = from; slot < to; slot++)
        {
            slotOfMiddle[slots.spacepoint(slot)] = slot;
        }
        for (int m = 0; m < sp.size; m++)
        {
            final int slot = slotOfMiddle[m];
            if (slot < 0 || sp.volume(m) > cuts.config().middleMaxVolume())
            {
                continue;
            }
            best.clear();
            if (tightCuts != null)
            {
                offerCandidates(sp, m, slot, tightCuts);
            }
            if (best.size() == 0)
            {
                offerCandidates(sp, m, slot, cuts);
            }
            best.emit(m, seeds);
        }
    }

    /** Offers the candidates of middle {@code m} (GPU slot {@code slot}) that pass {@code passCuts} to the middle's best. */
    private void offerCandidates(final EventSpacepoints sp, final int m, final int slot, final SeedCuts passCuts)
    {
        final int end = candidates.first(slot) + candidates.count(slot);
        for (int c = candidates.first(slot); c < end; c++)
        {
            final int b = slots.spacepoint(candidates.bottom(c));
            final int t = slots.spacepoint(candidates.top(c));
            final double q = passCuts.candidateQuality(sp, b, m, t);
            if (q >= 0)
            {
                best.offer(b, t, q);
            }
        }
    }

    private void ensureEvents(final int count)
    {
        if (events.length < count)
        {
            final int old = events.length;
            events = Arrays.copyOf(events, Math.max(count, 2 * old));
            for (int e = old; e < events.length; e++)
            {
                events[e] = new EventSpacepoints();
            }
        }
    }
}
