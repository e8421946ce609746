package org.jdpl.gpu.clusters;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.jdpl.devices.reco.event.SourceEvent;

/**
 * The cells of one timeframe, column by column, sorted by (module, ch0, ch1): the order the
 * labelling kernels rely on to find a cell's neighbours by scanning near it.
 */
public final class CellTable
{
    private final int[] module;
    private final int[] ch0;
    private final int[] ch1;
    private final float[] value;

    private CellTable(final int[] module, final int[] ch0, final int[] ch1, final float[] value)
    {
        this.module = module;
        this.ch0 = ch0;
        this.ch1 = ch1;
        this.value = value;
    }

    /** A table of the given cells in any order; the arrays are copied, sorted. */
    public static CellTable of(final int[] module, final int[] ch0, final int[] ch1, final float[] value)
    {
        final int n = module.length;
        if (ch0.length != n || ch1.length != n || value.length != n)
        {
            throw new IllegalArgumentException("cell columns differ in length: module " + n + ", ch0 " + ch0.length + ", ch1 " +
                ch1.length + ", value " + value.length);
        }
        final Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> module[i]).thenComparingInt(i -> ch0[i]).thenComparingInt(i -> ch1[i]));
        final CellTable table = new CellTable(new int[n], new int[n], new int[n], new float[n]);
        for (int k = 0; k < n; k++)
        {
            final int i = order[k];
            table.module[k] = module[i];
            table.ch0[k] = ch0[i];
            table.ch1[k] = ch1[i];
            table.value[k] = value[i];
        }
        return table;
    }

    /** The cells of an event of the reconstruction chain's sources (the TrackML reader, the simulator). */
    public static CellTable of(final SourceEvent event)
    {
        final int n = event.cellCount;
        return of(Arrays.copyOf(event.cellModule, n), Arrays.copyOf(event.cellCh0, n), Arrays.copyOf(event.cellCh1, n),
            Arrays.copyOf(event.cellValue, n));
    }

    public int size()
    {
        return module.length;
    }

    public int module(final int cell)
    {
        return module[cell];
    }

    public int ch0(final int cell)
    {
        return ch0[cell];
    }

    public int ch1(final int cell)
    {
        return ch1[cell];
    }

    public float value(final int cell)
    {
        return value[cell];
    }

    int[] modules()
    {
        return module;
    }

    int[] ch0s()
    {
        return ch0;
    }

    int[] ch1s()
    {
        return ch1;
    }

    float[] values()
    {
        return value;
    }

    /** Whether two cells touch: same module, at most 1 apart in ch0 and in ch1. */
    boolean touch(final int a, final int b)
    {
        return module[a] == module[b] && Math.abs(ch0[a] - ch0[b]) <= 1 && Math.abs(ch1[a] - ch1[b]) <= 1;
    }
}
