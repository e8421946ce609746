package org.jdpl.testsupport;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** In CI a skip for missing data or tools becomes a failure naming the reason; a missing-hardware skip stays a skip. */
class CiSkipPolicyTest
{
    @Test
    void shouldFailASkipForAMissingToolInCi()
    {
        final TestAbortedException skip = assertThrows(TestAbortedException.class,
            () -> Assumptions.assumeTrue(false, "tmux is not installed"));

        final Throwable judged = CiSkipPolicy.judged(skip, true);

        assertInstanceOf(AssertionFailedError.class, judged);
        assertTrue(judged.getMessage().contains("tmux is not installed"), judged.getMessage());
        assertSame(skip, judged.getCause());
    }

    @Test
    void shouldKeepASkipForMissingToolsOutsideCi()
    {
        final TestAbortedException skip = new TestAbortedException("no OpenCL device");

        assertSame(skip, CiSkipPolicy.judged(skip, false));
    }

    @Test
    void shouldKeepASkipForMissingHardwareInCi()
    {
        final HardwareUnavailable noCuda = assertThrows(HardwareUnavailable.class, () -> Hardware.assumeCuda(false, "no libcuda"));
        final HardwareUnavailable cudaHere = assertThrows(HardwareUnavailable.class, () -> Hardware.assumeNoCuda(true, "a GPU"));

        assertSame(noCuda, CiSkipPolicy.judged(noCuda, true));
        assertSame(cudaHere, CiSkipPolicy.judged(cudaHere, true));
    }

    @Test
    void shouldPassFailuresThroughUnchanged()
    {
        final AssertionError failure = new AssertionError("expected 2");

        assertSame(failure, CiSkipPolicy.judged(failure, true));
        assertSame(failure, CiSkipPolicy.judged(failure, false));
    }
}
