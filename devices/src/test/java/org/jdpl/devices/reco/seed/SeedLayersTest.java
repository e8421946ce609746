package org.jdpl.devices.reco.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jdpl.devices.reco.event.EventSpacepoints;
import org.jdpl.devices.reco.geometry.ModuleId;
import org.junit.jupiter.api.Test;

/**
 * The layers a doublet's line skips, on hand-placed hits: three barrel layers (r 32, 72, 116 mm, |z| up to 400 mm)
 * and a disk at z 600 mm (r 40 to 160 mm).
 */
class SeedLayersTest
{
    private final EventSpacepoints sp = new EventSpacepoints();
    private final SeedLayers layers = new SeedLayers();

    @Test
    void shouldCountABarrelLayerTheLineCrossesInsideItsLength()
    {
        final int inner = hit(8, 2, 32, 0);
        final int outer = hit(8, 6, 116, 116);
        build();
        // The line passes r = 72 at z = 72: inside the middle layer's length.
        assertEquals(1, layers.crossed(sp, inner, outer, 5));
        assertEquals(0, layers.crossed(sp, inner, hit(8, 4, 72, 72), 5), "neighbouring layers skip nothing");
    }

    @Test
    void shouldNotCountALayerTheLinePassesBeyondItsEnd()
    {
        final int inner = hit(8, 2, 32, 390);
        final int disk = hit(9, 2, 100, 600);
        build();
        // From (32, 390) to (100, 600) the line passes r = 72 at z = 514: beyond the barrel's 400 mm.
        assertEquals(0, layers.crossed(sp, inner, disk, 5));
    }

    @Test
    void shouldCountADiskTheLineCrossesInsideItsRing()
    {
        final int inner = hit(8, 2, 32, 300);
        final int far = hit(9, 4, 150, 900);
        build();
        // From (32, 300) to (150, 900) the line reaches z = 600 at r = 91: inside the first disk's ring; and no barrel layer
        // lies whole between the two radii at a z inside its length.
        assertEquals(1, layers.crossed(sp, inner, far, 5));
    }

    @Test
    void shouldStopCountingPastTheLimit()
    {
        final int inner = hit(8, 2, 32, 0);
        final int outer = hit(8, 8, 170, 0);
        build();
        assertEquals(2, layers.crossed(sp, inner, outer, 5));
        assertEquals(1, layers.crossed(sp, inner, outer, 0), "counting stops once past the limit");
    }

    /** Layers of a plausible shape, so each has an extent: hits at both ends of each barrel and across the disks' rings. */
    private void build()
    {
        for (final int[] layer : new int[][] {{2, 32}, {4, 72}, {6, 116}, {8, 170}})
        {
            hit(8, layer[0], layer[1], -400);
            hit(8, layer[0], layer[1], 400);
        }
        hit(9, 2, 40, 600);
        hit(9, 2, 160, 600);
        hit(9, 4, 40, 900);
        hit(9, 4, 160, 900);
        layers.build(sp, 14);
    }

    private int hit(final int volume, final int layer, final double r, final double z)
    {
        final int i = sp.size++;
        sp.x[i] = r;
        sp.y[i] = 0;
        sp.z[i] = z;
        sp.r[i] = r;
        sp.phi[i] = 0;
        sp.moduleId[i] = ModuleId.of(volume, layer, 1);
        return i;
    }
}
