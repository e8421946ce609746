package org.jdpl.gpu;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.jdpl.gpu.opencl.OpenClBackend;

/** Opens the first OpenCL device for a test, or skips the test saying why there is none. */
public final class OpenClAvailable
{
    private OpenClAvailable()
    {
    }

    public static GpuContext openFirstDevice()
    {
        final BackendProbe probe = new OpenClBackend().probe();
        assumeTrue(probe.isAvailable(), "skipped: no OpenCL device on this machine (" + probe.reason() +
            "); install pocl-opencl-icd to run it");
        return new OpenClBackend().open(0);
    }
}
