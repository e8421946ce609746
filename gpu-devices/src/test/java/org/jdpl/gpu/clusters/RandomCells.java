package org.jdpl.gpu.clusters;

import java.util.SplittableRandom;

import org.agrona.collections.IntArrayList;

/**
 * Simulated timeframes of cells: blobs grown by random walks on modules, so clusters of every
 * shape touch, nest and repeat cells; one value in fifty is zero.
 */
final class RandomCells
{
    private RandomCells()
    {
    }

    static CellTable generate(final long seed, final int cells, final int modules)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final IntArrayList module = new IntArrayList();
        final IntArrayList ch0 = new IntArrayList();
        final IntArrayList ch1 = new IntArrayList();
        final float[] value = new float[cells];
        while (module.size() < cells)
        {
            final int m = random.nextInt(modules) * 7 + 3;
            int r = random.nextInt(120);
            int c = random.nextInt(120);
            final int length = 1 + random.nextInt(12);
            for (int k = 0; k < length && module.size() < cells; k++)
            {
                module.addInt(m);
                ch0.addInt(r);
                ch1.addInt(c);
                r = Math.max(0, r + random.nextInt(3) - 1);
                c = Math.max(0, c + random.nextInt(3) - 1);
            }
        }
        for (int i = 0; i < cells; i++)
        {
            value[i] = random.nextInt(50) == 0 ? 0.0f : (float)random.nextDouble(0.001, 1.0);
        }
        return CellTable.of(module.toIntArray(), ch0.toIntArray(), ch1.toIntArray(), value);
    }
}
