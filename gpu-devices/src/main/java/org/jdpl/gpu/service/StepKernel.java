package org.jdpl.gpu.service;

import java.lang.foreign.MemorySegment;
import java.util.function.LongFunction;

import org.jdpl.devices.reco.device.SeederFactory;
import org.jdpl.devices.reco.seed.SeedCuts;
import org.jdpl.framework.device.Options;
import org.jdpl.gpu.clusters.GpuClusterizer;
import org.jdpl.gpu.reco.TimeframeClusterizer;
import org.jdpl.gpu.reco.TimeframeSeeder;
import org.jdpl.gpu.seeds.GpuTripletSearch;
import org.jdpl.gpu.session.GpuSession;

/**
 * One instance's GPU step: the same classes the in-topology GPU devices run ({@link TimeframeSeeder},
 * {@link TimeframeClusterizer}), so a reply holds the bytes the device would have sent.
 */
interface StepKernel extends AutoCloseable
{
    /** Runs the step on {@code inputs} (in the step's input order), writes into {@code reply}; returns the bytes written. */
    long run(long timeslice, MemorySegment[] inputs, MemorySegment reply);

    @Override
    void close();

    static StepKernel open(final ServiceStep step, final GpuSession session, final Options options)
    {
        return switch (step)
        {
            case SEEDER -> new Seeder(session, options);
            case CLUSTERIZER -> new Clusterizer(session);
        };
    }

    /** Hands out the reply area as the device's output would be: one allocation of the output's size. */
    final class ReplyArea
    {
        private MemorySegment area;
        private long written;

        void reset(final MemorySegment area)
        {
            this.area = area;
            this.written = 0;
        }

        MemorySegment allocate(final long sizeBytes)
        {
            if (sizeBytes > area.byteSize())
            {
                throw new IllegalStateException("the reply needs " + sizeBytes + " bytes, the client's reply area holds " + area.byteSize() +
                    "; raise the client's reply-bytes option");
            }
            written = sizeBytes;
            return area.asSlice(0, sizeBytes);
        }

        long written()
        {
            return written;
        }
    }

    final class Seeder implements StepKernel
    {
        private final GpuTripletSearch gpu;
        private final TimeframeSeeder seeder;
        private final ReplyArea reply = new ReplyArea();
        private final LongFunction<MemorySegment> allocate = reply::allocate;

        Seeder(final GpuSession session, final Options options)
        {
            final SeedCuts cuts = new SeedCuts(SeederFactory.config(options));
            gpu = new GpuTripletSearch(session.context(), session.pool(), cuts);
            seeder = new TimeframeSeeder(gpu, cuts);
            seeder.warmUp();
        }

        @Override
        public long run(final long timeslice, final MemorySegment[] inputs, final MemorySegment area)
        {
            reply.reset(area);
            seeder.seed(timeslice, inputs[0], allocate);
            return reply.written();
        }

        @Override
        public void close()
        {
            gpu.close();
        }
    }

    final class Clusterizer implements StepKernel
    {
        private final GpuClusterizer gpu;
        private final TimeframeClusterizer clusterizer;
        private final ReplyArea reply = new ReplyArea();
        private final LongFunction<MemorySegment> allocate = reply::allocate;

        Clusterizer(final GpuSession session)
        {
            gpu = new GpuClusterizer(session.context(), session.pool());
            clusterizer = new TimeframeClusterizer(gpu);
            // As GpuClusterizerDevice: PoCL compiles a kernel at its first launch; pay it before the first request.
            gpu.label(-1, new int[] {0, 0}, new int[] {0, 1}, new int[] {0, 1}, 2, new int[2]);
        }

        @Override
        public long run(final long timeslice, final MemorySegment[] inputs, final MemorySegment area)
        {
            reply.reset(area);
            clusterizer.clusterize(timeslice, inputs[0], inputs[1], inputs[2], allocate);
            return reply.written();
        }

        @Override
        public void close()
        {
            gpu.close();
        }
    }
}
