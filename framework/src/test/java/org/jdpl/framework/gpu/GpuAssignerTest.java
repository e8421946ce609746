package org.jdpl.framework.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GpuAssignerTest
{
    private static final GpuInventory ONE = GpuInventory.available("opencl", List.of("Portable Computing Language/cpu"), "");
    private static final GpuInventory THREE = GpuInventory.available("cuda", List.of("A100", "A100", "A100"), "");

    @Test
    void shouldGiveAutoReplicasDistinctGpusInOrder()
    {
        final GpuAssignment assignment = GpuAssigner.assign(List.of(auto("reco", 0), auto("reco", 1), auto("its", 0)), THREE, false);
        assertTrue(assignment.isValid(), assignment.problems().toString());
        assertEquals(Map.of("reco#0", 0, "reco#1", 1, "its#0", 2), assignment.indices());
        assertEquals(1, assignment.indexOf("reco", 1));
    }

    @Test
    void shouldWorkAutoAroundExplicitIndices()
    {
        final GpuAssignment assignment = GpuAssigner.assign(
            List.of(auto("reco", 0), new GpuReplica("tpc", 0, 0), auto("reco", 1)), THREE, false);
        assertEquals(Map.of("tpc#0", 0, "reco#0", 1, "reco#1", 2), assignment.indices());
    }

    @Test
    void shouldRefuseMoreReplicasThanGpusUnlessShared()
    {
        final List<GpuReplica> three = List.of(auto("reco", 0), auto("reco", 1), auto("reco", 2));
        final GpuAssignment refused = GpuAssigner.assign(three, ONE, false);
        assertFalse(refused.isValid());
        assertEquals(List.of("3 GPU device replicas but 1 GPU (opencl: Portable Computing Language/cpu); set gpu.share = true " +
            "to share, or lower the GPU devices' pipeline"), refused.problems());
        assertTrue(refused.indices().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> refused.indexOf("reco", 0));

        final GpuAssignment shared = GpuAssigner.assign(three, ONE, true);
        assertEquals(Map.of("reco#0", 0, "reco#1", 0, "reco#2", 0), shared.indices());
    }

    @Test
    void shouldSpreadSharedReplicasOverTheLeastLoadedGpus()
    {
        final GpuInventory two = GpuInventory.available("cuda", List.of("g0", "g1"), "");
        final GpuAssignment shared = GpuAssigner.assign(
            List.of(new GpuReplica("a", 0, 1), new GpuReplica("a", 1, 1), auto("b", 0), auto("b", 1), auto("b", 2)), two, true);
        assertEquals(Map.of("a#0", 1, "a#1", 1, "b#0", 0, "b#1", 0, "b#2", 0), shared.indices());
    }

    @Test
    void shouldRefuseTwoOwnersOfOneGpu()
    {
        final GpuAssignment refused = GpuAssigner.assign(List.of(new GpuReplica("a", 0, 1), new GpuReplica("b", 0, 1)), THREE, false);
        assertEquals(List.of("b#0 and a#0 both ask for gpu = 1; give each its own index, use gpu = auto, or set gpu.share = true"),
            refused.problems());
    }

    @Test
    void shouldRefuseAnIndexPastTheLastGpu()
    {
        final GpuAssignment refused = GpuAssigner.assign(List.of(new GpuReplica("a", 0, 3)), THREE, true);
        assertEquals(List.of("a#0: gpu = 3 but there are 3 GPUs (cuda: A100, A100, A100); use gpu = auto or an index 0..2"),
            refused.problems());
    }

    @Test
    void shouldSayWhenThereIsNoGpuAtAll()
    {
        final GpuAssignment refused = GpuAssigner.assign(List.of(auto("a", 0)),
            GpuInventory.unavailable("cuda", "libcuda.so.1 not found"), true);
        assertEquals(List.of("1 GPU device replicas but no GPU: cuda is unavailable (libcuda.so.1 not found)"), refused.problems());
    }

    @Test
    void shouldAssignNothingWhenThereAreNoGpuDevices()
    {
        final GpuAssignment none = GpuAssigner.assign(List.of(), GpuInventory.unavailable("cuda", "x"), false);
        assertTrue(none.isValid());
        assertTrue(none.indices().isEmpty());
    }

    @Test
    void shouldParseTheGpuOption()
    {
        assertEquals(GpuReplica.AUTO, GpuReplica.parseRequest(" Auto"));
        assertEquals(2, GpuReplica.parseRequest("2"));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GpuReplica.parseRequest("-1"));
        assertEquals("gpu = -1 is neither auto nor a GPU index (0, 1, ...)", e.getMessage());
    }

    private static GpuReplica auto(final String device, final int replica)
    {
        return new GpuReplica(device, replica, GpuReplica.AUTO);
    }
}
