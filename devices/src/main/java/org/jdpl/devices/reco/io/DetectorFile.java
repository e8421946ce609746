package org.jdpl.devices.reco.io;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jdpl.devices.reco.geometry.DetectorGeometry;
import org.jdpl.devices.reco.geometry.ModuleId;

/** Reads a TrackML {@code detectors.csv} (or {@code .csv.gz}) into a {@link DetectorGeometry}. */
public final class DetectorFile
{
    private static final String[] ROTATION = {"rot_xu", "rot_xv", "rot_xw", "rot_yu", "rot_yv", "rot_yw", "rot_zu", "rot_zv", "rot_zw"};

    private DetectorFile()
    {
    }

    /** {@code detectors.csv.gz} or {@code detectors.csv} in {@code directory}, or null when neither exists. */
    public static Path find(final Path directory)
    {
        for (final String name : new String[] {"detectors.csv.gz", "detectors.csv"})
        {
            final Path file = directory.resolve(name);
            if (Files.isRegularFile(file))
            {
                return file;
            }
        }
        return null;
    }

    public static DetectorGeometry read(final Path file)
    {
        final CsvTable csv = CsvTable.read(file);
        final int volume = csv.column("volume_id");
        final int layer = csv.column("layer_id");
        final int module = csv.column("module_id");
        final int[] centre = {csv.column("cx"), csv.column("cy"), csv.column("cz")};
        final int[] rotation = new int[9];
        for (int k = 0; k < 9; k++)
        {
            rotation[k] = csv.column(ROTATION[k]);
        }
        final int thickness = csv.column("module_t");
        final int halfU = csv.column("module_maxhu");
        final int halfV = csv.column("module_hv");
        final int pitchU = csv.column("pitch_u");
        final int pitchV = csv.column("pitch_v");
        final int n = csv.rowCount();
        final long[] order = new long[n];
        for (int row = 0; row < n; row++)
        {
            final int id = ModuleId.of(csv.getInt(row, volume), csv.getInt(row, layer), csv.getInt(row, module));
            order[row] = (long)id << 32 | row;
        }
        java.util.Arrays.sort(order);
        final DetectorGeometry geometry = new DetectorGeometry(n);
        final double[] c = new double[3];
        final double[] rot = new double[9];
        for (final long entry : order)
        {
            final int row = (int)entry;
            for (int k = 0; k < 3; k++)
            {
                c[k] = csv.getDouble(row, centre[k]);
            }
            for (int k = 0; k < 9; k++)
            {
                rot[k] = csv.getDouble(row, rotation[k]);
            }
            try
            {
                geometry.add((int)(entry >>> 32), c, rot, csv.getDouble(row, halfU), csv.getDouble(row, halfV),
                    csv.getDouble(row, pitchU), csv.getDouble(row, pitchV), csv.getDouble(row, thickness));
            }
            catch (final IllegalArgumentException e)
            {
                throw new TrackmlFormatException(file + ":" + (row + 2) + ": " + e.getMessage());
            }
        }
        return geometry;
    }
}
