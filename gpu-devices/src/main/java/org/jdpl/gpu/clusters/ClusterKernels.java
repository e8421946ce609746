package org.jdpl.gpu.clusters;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;
import java.util.Map;

import org.jdpl.gpu.CpuKernelArgs;
import org.jdpl.gpu.KernelProgram;
import org.jdpl.gpu.KernelSource;

/**
 * The clusterization kernels: the portable source ({@code cell_clusters.kernels.c}) and, for the
 * CPU reference backend, the same algorithm in Java, kernel for kernel and argument for argument.
 */
final class ClusterKernels
{
    static final String INIT_LABELS = "init_labels";
    static final String PROPAGATE = "propagate";
    static final String CENTROIDS = "centroids";
    static final String SOURCE_RESOURCE = "cell_clusters.kernels.c";

    static final KernelProgram PROGRAM = new KernelProgram("cell-clusters", KernelSource.read(ClusterKernels.class, SOURCE_RESOURCE),
        Map.of(
        INIT_LABELS, (globalSize, args) -> initLabels(args),
        PROPAGATE, (globalSize, args) -> propagate(args),
        CENTROIDS, (globalSize, args) -> centroids(args)));

    private ClusterKernels()
    {
    }

    private static void initLabels(final CpuKernelArgs args)
    {
        final MemorySegment label = args.buffer(0);
        final int n = args.intArg(1);
        for (int i = 0; i < n; i++)
        {
            label.setAtIndex(JAVA_INT, i, i);
        }
    }

    private static void propagate(final CpuKernelArgs args)
    {
        final MemorySegment module = args.buffer(0);
        final MemorySegment ch0 = args.buffer(1);
        final MemorySegment ch1 = args.buffer(2);
        final MemorySegment label = args.buffer(3);
        final MemorySegment changed = args.buffer(4);
        final int n = args.intArg(5);
        for (int i = 0; i < n; i++)
        {
            final int m = module.getAtIndex(JAVA_INT, i);
            final int r = ch0.getAtIndex(JAVA_INT, i);
            final int c = ch1.getAtIndex(JAVA_INT, i);
            int best = label.getAtIndex(JAVA_INT, i);
            for (int j = i - 1; j >= 0 && module.getAtIndex(JAVA_INT, j) == m && ch0.getAtIndex(JAVA_INT, j) >= r - 1; j--)
            {
                if (Math.abs(ch1.getAtIndex(JAVA_INT, j) - c) <= 1)
                {
                    best = Math.min(best, label.getAtIndex(JAVA_INT, j));
                }
            }
            for (int j = i + 1; j < n && module.getAtIndex(JAVA_INT, j) == m && ch0.getAtIndex(JAVA_INT, j) <= r + 1; j++)
            {
                if (Math.abs(ch1.getAtIndex(JAVA_INT, j) - c) <= 1)
                {
                    best = Math.min(best, label.getAtIndex(JAVA_INT, j));
                }
            }
            best = label.getAtIndex(JAVA_INT, best);
            if (best < label.getAtIndex(JAVA_INT, i))
            {
                label.setAtIndex(JAVA_INT, i, best);
                changed.setAtIndex(JAVA_INT, 0, 1);
            }
        }
    }

    private static void centroids(final CpuKernelArgs args)
    {
        final MemorySegment module = args.buffer(0);
        final MemorySegment ch0 = args.buffer(1);
        final MemorySegment ch1 = args.buffer(2);
        final MemorySegment value = args.buffer(3);
        final MemorySegment label = args.buffer(4);
        final MemorySegment centroid = args.buffer(5);
        final int n = args.intArg(6);
        for (int i = 0; i < n; i++)
        {
            float q = 0.0f;
            float x = 0.0f;
            float y = 0.0f;
            if (label.getAtIndex(JAVA_INT, i) == i)
            {
                final int m = module.getAtIndex(JAVA_INT, i);
                for (int j = i; j < n && module.getAtIndex(JAVA_INT, j) == m; j++)
                {
                    if (label.getAtIndex(JAVA_INT, j) == i)
                    {
                        final float v = value.getAtIndex(JAVA_FLOAT, j);
                        q += v;
                        x += v * (float)ch0.getAtIndex(JAVA_INT, j);
                        y += v * (float)ch1.getAtIndex(JAVA_INT, j);
                    }
                }
                x = q > 0.0f ? x / q : (float)ch0.getAtIndex(JAVA_INT, i);
                y = q > 0.0f ? y / q : (float)ch1.getAtIndex(JAVA_INT, i);
            }
            centroid.setAtIndex(JAVA_FLOAT, 3L * i, q);
            centroid.setAtIndex(JAVA_FLOAT, 3L * i + 1, x);
            centroid.setAtIndex(JAVA_FLOAT, 3L * i + 2, y);
        }
    }
}
