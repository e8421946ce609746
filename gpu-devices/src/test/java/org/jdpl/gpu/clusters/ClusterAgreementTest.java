package org.jdpl.gpu.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClusterAgreementTest
{
    private final CellClusters reference = new CellClusters(new int[] {0, 0, 2}, new float[] {2, 0.5f, 1, 0, 0, 0, 4, 7, 7});

    @Test
    void shouldAgreeWithinTheTolerance()
    {
        final ClusterAgreement same = ClusterAgreement.of(reference,
            new CellClusters(new int[] {0, 0, 2}, new float[] {2, 0.5f, 1, 9, 9, 9, 4, 7.00001f, 7}));
        assertTrue(same.identical(), same.toString());
        assertTrue(same.worstDifference() > 0, "the difference is measured: " + same);
    }

    @Test
    void shouldDisagreeOnAnyLabel()
    {
        final ClusterAgreement labels = ClusterAgreement.of(reference, new CellClusters(new int[] {0, 1, 2}, new float[9]));
        assertFalse(labels.identical());
        assertFalse(labels.labelsEqual());
    }

    @Test
    void shouldDisagreeOnACentroidPastTheTolerance()
    {
        final ClusterAgreement far = ClusterAgreement.of(reference,
            new CellClusters(new int[] {0, 0, 2}, new float[] {2, 0.5f, 1, 0, 0, 0, 4, 7.01f, 7}));
        assertTrue(far.labelsEqual());
        assertFalse(far.identical());
        assertEquals(0.01 / 7, far.worstDifference(), 1e-4);
    }
}
