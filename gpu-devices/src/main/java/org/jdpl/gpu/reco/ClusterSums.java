package org.jdpl.gpu.reco;

import java.util.Arrays;

import org.jdpl.devices.reco.event.Cells;
import org.jdpl.devices.reco.event.Modules;
import org.jdpl.devices.reco.event.SpacepointBuffer;
import org.jdpl.devices.reco.event.Table;

/**
 * The clusters of one module being summed: charge, charge-weighted channel sums in double, and the
 * truth link (the hit of the highest-charge cell), with the same arithmetic in the same order as
 * {@link org.jdpl.devices.reco.cluster.Clusterizer}, so the spacepoints come out bit for bit equal.
 * Arrays grow to the largest module seen and are reused.
 */
final class ClusterSums
{
    private double[] charge = new double[64];
    private double[] sumU = new double[64];
    private double[] sumV = new double[64];
    private double[] bestValue = new double[64];
    private long[] bestHit = new long[64];
    private long[] otherHit = new long[64];
    private int clusters;
    private long mergedHits;

    void beginModule()
    {
        clusters = 0;
    }

    int newCluster()
    {
        if (clusters == charge.length)
        {
            grow();
        }
        final int c = clusters++;
        charge[c] = 0;
        sumU[c] = 0;
        sumV[c] = 0;
        bestValue[c] = -1;
        bestHit[c] = 0;
        otherHit[c] = 0;
        return c;
    }

    /** Adds a cell; cells of a cluster must come in event order. */
    void add(final int c, final Table cells, final int row)
    {
        final double value = Math.max(cells.getFloat(Cells.VALUE, row), 1e-9);
        charge[c] += value;
        sumU[c] += value * (cells.getInt(Cells.CH0, row) + 0.5);
        sumV[c] += value * (cells.getInt(Cells.CH1, row) + 0.5);
        final long hit = cells.getLong(Cells.HIT_ID, row);
        if (value > bestValue[c])
        {
            if (bestHit[c] != 0 && bestHit[c] != hit)
            {
                otherHit[c] = bestHit[c];
            }
            bestValue[c] = value;
            bestHit[c] = hit;
        }
        else if (hit != bestHit[c])
        {
            otherHit[c] = hit;
        }
    }

    /** Writes the module's clusters, in the order they were opened, as global spacepoints. */
    void emit(final Table modules, final int geometryRow, final int module, final SpacepointBuffer out)
    {
        final float pitchU = modules.getFloat(Modules.PITCH_U, geometryRow);
        final float pitchV = modules.getFloat(Modules.PITCH_V, geometryRow);
        final float halfU = modules.getFloat(Modules.HALF_U, geometryRow);
        final float halfV = modules.getFloat(Modules.HALF_V, geometryRow);
        for (int c = 0; c < clusters; c++)
        {
            if (otherHit[c] != 0)
            {
                mergedHits++;
            }
            final double u = sumU[c] / charge[c] * pitchU - halfU;
            final double v = sumV[c] / charge[c] * pitchV - halfV;
            out.add(bestHit[c], global(modules, geometryRow, 0, u, v), global(modules, geometryRow, 1, u, v),
                global(modules, geometryRow, 2, u, v), module);
        }
    }

    long mergedHits()
    {
        return mergedHits;
    }

    private static double global(final Table modules, final int row, final int axis, final double u, final double v)
    {
        return modules.getFloat(Modules.CX + axis, row) + modules.getFloat(Modules.ROT_XU + 3 * axis, row) * u +
            modules.getFloat(Modules.ROT_XV + 3 * axis, row) * v;
    }

    private void grow()
    {
        final int size = 2 * charge.length;
        charge = Arrays.copyOf(charge, size);
        sumU = Arrays.copyOf(sumU, size);
        sumV = Arrays.copyOf(sumV, size);
        bestValue = Arrays.copyOf(bestValue, size);
        bestHit = Arrays.copyOf(bestHit, size);
        otherHit = Arrays.copyOf(otherHit, size);
    }
}
