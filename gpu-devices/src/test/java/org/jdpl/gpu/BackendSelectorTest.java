package org.jdpl.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.jdpl.gpu.cpu.CpuBackend;
import org.jdpl.gpu.cuda.CudaBackend;
import org.jdpl.gpu.opencl.OpenClBackend;
import org.jdpl.testsupport.Hardware;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Selection over the real backends of the class path, on whatever this machine has. */
@Timeout(60)
class BackendSelectorTest
{
    private final BackendSelector selector = BackendSelector.fromClassPath();
    private final BackendProbe cuda = new CudaBackend().probe();
    private final BackendProbe openCl = new OpenClBackend().probe();

    @Test
    void shouldFindEveryBackendInPreferenceOrder()
    {
        assertEquals(List.of("cuda", "opencl", "cpu"), selector.backends().stream().map(GpuBackend::name).toList());
        final BackendSelector shuffled = new BackendSelector(List.of(new CpuBackend(), new OpenClBackend(), new CudaBackend()));
        assertEquals(List.of("cuda", "opencl", "cpu"), shuffled.backends().stream().map(GpuBackend::name).toList());
    }

    @Test
    void shouldFallBackFromCudaToOpenClAndSayWhy()
    {
        Hardware.assumeNoCuda(cuda.isAvailable(), cuda.describe());
        assumeTrue(openCl.isAvailable(), "skipped: no OpenCL device here (" + openCl.reason() + ")");
        final BackendSelection selection = selector.select("auto");
        System.out.println(selection.describe());
        assertEquals("opencl", selection.backend().name());
        assertFalse(selection.forced());
        assertEquals(List.of(cuda), selection.skipped());
        assertTrue(selection.describe().startsWith("GPU backend opencl: "), selection.describe());
        assertTrue(selection.describe().endsWith("(discovered); skipped cuda: " + cuda.reason()), selection.describe());
    }

    @Test
    void shouldFallBackToTheCpuWhenNoGpuBackendIsAvailable()
    {
        final BackendSelection selection = new BackendSelector(List.of(new CudaBackend(), new CpuBackend())).select("");
        if (cuda.isAvailable())
        {
            assertEquals("cuda", selection.backend().name());
            return;
        }
        assertEquals("cpu", selection.backend().name());
        assertEquals("cuda", selection.skipped().getFirst().backend());
    }

    @Test
    void shouldTakeTheForcedBackend()
    {
        final BackendSelection selection = selector.select(" CPU ");
        assertEquals("cpu", selection.backend().name());
        assertTrue(selection.forced());
        assertTrue(selection.skipped().isEmpty());
        assertTrue(selection.describe().contains("(requested by name)"), selection.describe());
    }

    @Test
    void shouldRefuseAForcedBackendThatIsUnavailable()
    {
        Hardware.assumeNoCuda(cuda.isAvailable(), cuda.describe());
        final GpuException e = assertThrows(GpuException.class, () -> selector.select("cuda"));
        assertEquals("gpu.backend = cuda but that backend is unavailable here: " + cuda.reason() +
            "; set gpu.backend = auto to fall back, or run where it is available", e.getMessage());
    }

    @Test
    void shouldListTheKnownBackendsForAnUnknownName()
    {
        final GpuException e = assertThrows(GpuException.class, () -> selector.select("vulkan"));
        assertEquals("gpu.backend = vulkan is not a known backend; known: auto, cuda, opencl, cpu", e.getMessage());
    }

    @Test
    void shouldSayWhyNothingIsAvailable()
    {
        Hardware.assumeNoCuda(cuda.isAvailable(), cuda.describe());
        final GpuException e = assertThrows(GpuException.class, () -> new BackendSelector(List.of(new CudaBackend())).select("auto"));
        assertTrue(e.getMessage().startsWith("no GPU backend is available; cuda: " + cuda.reason()), e.getMessage());
    }
}
