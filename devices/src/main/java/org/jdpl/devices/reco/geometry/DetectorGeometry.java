package org.jdpl.devices.reco.geometry;

import java.util.Arrays;

/**
 * A set of modules in columns: centre, local-to-global rotation (row-major 3x3, columns u v w),
 * half sizes along u (the larger one for trapezoids) and v, cell pitches. Local cell centre
 * {@code u = (ch0 + 0.5) pitchU - halfU}, {@code v = (ch1 + 0.5) pitchV - halfV}, as in TrackML.
 */
public final class DetectorGeometry
{
    private final int[] moduleIds;
    private final float[] centre;
    private final float[] rotation;
    private final float[] half;
    private final float[] pitch;
    private final float[] thickness;
    private int count;

    public DetectorGeometry(final int capacity)
    {
        moduleIds = new int[capacity];
        centre = new float[3 * capacity];
        rotation = new float[9 * capacity];
        half = new float[2 * capacity];
        pitch = new float[2 * capacity];
        thickness = new float[capacity];
    }

    /** Adds a module; modules must be added in increasing id order (checked). Returns its index. */
    public int add(final int moduleId, final double[] c, final double[] rot, final double halfU, final double halfV,
        final double pitchU, final double pitchV, final double thick)
    {
        if (count > 0 && moduleIds[count - 1] >= moduleId)
        {
            throw new IllegalArgumentException("modules out of order: " + ModuleId.toString(moduleId) + " after " +
                ModuleId.toString(moduleIds[count - 1]));
        }
        final int i = count++;
        moduleIds[i] = moduleId;
        for (int k = 0; k < 3; k++)
        {
            centre[3 * i + k] = (float)c[k];
        }
        for (int k = 0; k < 9; k++)
        {
            rotation[9 * i + k] = (float)rot[k];
        }
        half[2 * i] = (float)halfU;
        half[2 * i + 1] = (float)halfV;
        pitch[2 * i] = (float)pitchU;
        pitch[2 * i + 1] = (float)pitchV;
        thickness[i] = (float)thick;
        return i;
    }

    public int size()
    {
        return count;
    }

    /** The index of {@code moduleId}, or -1. */
    public int indexOf(final int moduleId)
    {
        final int at = Arrays.binarySearch(moduleIds, 0, count, moduleId);
        return at >= 0 ? at : -1;
    }

    public int moduleId(final int index)
    {
        return moduleIds[index];
    }

    public float centre(final int index, final int axis)
    {
        return centre[3 * index + axis];
    }

    /** Rotation element: row = global axis (x y z), col = local axis (u v w). */
    public float rotation(final int index, final int row, final int col)
    {
        return rotation[9 * index + 3 * row + col];
    }

    public float halfU(final int index)
    {
        return half[2 * index];
    }

    public float halfV(final int index)
    {
        return half[2 * index + 1];
    }

    public float pitchU(final int index)
    {
        return pitch[2 * index];
    }

    public float pitchV(final int index)
    {
        return pitch[2 * index + 1];
    }

    public float thickness(final int index)
    {
        return thickness[index];
    }

    /** Global coordinate {@code axis} of local point (u, v, w) on module {@code index}. */
    public double toGlobal(final int index, final int axis, final double u, final double v, final double w)
    {
        final int r = 9 * index + 3 * axis;
        return centre[3 * index + axis] + rotation[r] * u + rotation[r + 1] * v + rotation[r + 2] * w;
    }

    /** Local coordinate {@code localAxis} (0 u, 1 v, 2 w) of the global point (x, y, z). */
    public double toLocal(final int index, final int localAxis, final double x, final double y, final double z)
    {
        final int m = 9 * index;
        final double dx = x - centre[3 * index];
        final double dy = y - centre[3 * index + 1];
        final double dz = z - centre[3 * index + 2];
        return rotation[m + localAxis] * dx + rotation[m + 3 + localAxis] * dy + rotation[m + 6 + localAxis] * dz;
    }
}
