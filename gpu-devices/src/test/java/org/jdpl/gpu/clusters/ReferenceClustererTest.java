package org.jdpl.gpu.clusters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The reference itself, on cases worked out by hand. */
class ReferenceClustererTest
{
    @Test
    void shouldJoinCellsThatTouchEvenDiagonallyAndOnlyWithinAModule()
    {
        // Module 1: an L of three cells, a diagonal pair, a lone cell; module 2: a cell at the L's corner position.
        final CellTable cells = CellTable.of(
            new int[] {1, 1, 1, 2, 1, 1, 1},
            new int[] {0, 0, 1, 0, 5, 6, 9},
            new int[] {0, 1, 1, 0, 5, 6, 0},
            new float[] {1, 1, 2, 7, 1, 3, 0});
        // Sorted: (1,0,0) (1,0,1) (1,1,1) (1,5,5) (1,6,6) (1,9,0) (2,0,0)
        final CellClusters clusters = ReferenceClusterer.cluster(cells);
        assertArrayEquals(new int[] {0, 0, 0, 3, 3, 5, 6}, clusters.labels());
        assertEquals(4, clusters.clusterCount());
        assertEquals(4.0f, clusters.charge(0));
        assertEquals(0.5f, clusters.meanCh0(0));
        assertEquals(0.75f, clusters.meanCh1(0));
        assertEquals(5.75f, clusters.meanCh0(3));
        assertEquals(9.0f, clusters.meanCh0(5), "zero charge: the cell's own position");
        assertEquals(7.0f, clusters.charge(6));
    }

    @Test
    void shouldLabelAChainByItsSmallestCellWhateverItsShape()
    {
        // A zig-zag whose smallest cell is reached last by a row-by-row scan.
        final CellTable cells = CellTable.of(
            new int[] {4, 4, 4, 4, 4},
            new int[] {0, 1, 2, 3, 4},
            new int[] {9, 8, 9, 10, 11},
            new float[] {1, 1, 1, 1, 1});
        assertArrayEquals(new int[] {0, 0, 0, 0, 0}, ReferenceClusterer.cluster(cells).labels());
    }
}
