package org.jdpl.gpu.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jdpl.framework.driver.JvmFlags;
import org.jdpl.gpu.BackendProbe;
import org.jdpl.gpu.opencl.OpenClBackend;
import org.jdpl.framework.gpu.GpuProcessEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hand-over of a GPU from driver to device process, with real processes: a JVM started with
 * the environment {@link GpuProcessEnvironment} gives opens the backend and GPU it was assigned.
 */
@Timeout(120)
class GpuSessionProcessTest
{
    @Test
    void shouldOpenTheAssignedOpenClDeviceInAChildProcess() throws Exception
    {
        final BackendProbe probe = new OpenClBackend().probe();
        assumeTrue(probe.isAvailable(), "skipped: no OpenCL device on this machine (" + probe.reason() + ")");
        final Child child = run(GpuProcessEnvironment.of("opencl", 0, System.getenv()).variables());
        assertEquals(0, child.exitCode(), child.toString());
        assertTrue(child.stdout().startsWith("GPU backend opencl: "), child.toString());
        assertTrue(child.stdout().contains("(requested by name); opened GPU 0 (" + probe.devices().getFirst() + ")"), child.toString());
        assertTrue(child.stdout().contains("labels [0, 0, 2, 3] match the reference"), child.toString());
    }

    @Test
    void shouldUseTheBackendTheDriverChose() throws Exception
    {
        final Child child = run(GpuProcessEnvironment.of("cpu", 0, System.getenv()).variables());
        assertEquals(0, child.exitCode(), child.toString());
        assertTrue(child.stdout().startsWith("GPU backend cpu: "), child.toString());
        assertTrue(child.stdout().contains("labels [0, 0, 2, 3] match the reference"), child.toString());
    }

    @Test
    void shouldFailWithOneClearLineForAGpuThatIsNotThere() throws Exception
    {
        final BackendProbe probe = new OpenClBackend().probe();
        assumeTrue(probe.isAvailable(), "skipped: no OpenCL device on this machine (" + probe.reason() + ")");
        final Child child = run(GpuProcessEnvironment.of("opencl", 5, System.getenv()).variables());
        assertEquals(GpuSessionMain.GPU_FAILED, child.exitCode(), child.toString());
        assertEquals("OpenCL GPU index 5 does not exist: this machine has " + probe.deviceCount() + " OpenCL device(s) " +
            probe.devices(), child.stderr().strip(), child.toString());
    }

    @Test
    void shouldFallBackToTheCpuAndSayWhyWhereNoOpenClDriverIsRegistered() throws Exception
    {
        final Path noVendors = Files.createTempDirectory("no-opencl-vendors");
        try
        {
            // ocl-icd reads its driver list from OCL_ICD_VENDORS: an empty directory is a machine without OpenCL drivers.
            final Child child = run(Map.of("OCL_ICD_VENDORS", noVendors.toString()));
            assertEquals(0, child.exitCode(), child.toString());
            assertTrue(child.stdout().startsWith("GPU backend cpu: "), child.toString());
            assertTrue(child.stdout().contains("(discovered); skipped cuda: "), child.toString());
            assertTrue(child.stdout().contains("; skipped opencl: "), child.toString());
            assertTrue(child.stdout().contains("labels [0, 0, 2, 3] match the reference"), child.toString());
            System.out.println(child.stdout());
        }
        finally
        {
            Files.deleteIfExists(noVendors);
        }
    }

    private static Child run(final Map<String, String> environment) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JvmFlags.load());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(GpuSessionMain.class.getName());
        final Path stdout = Files.createTempFile("gpu-session", ".out");
        final Path stderr = Files.createTempFile("gpu-session", ".err");
        try
        {
            final ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            builder.environment().putAll(environment);
            final Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                throw new AssertionError("child JVM did not exit within 60 s");
            }
            return new Child(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
        }
        finally
        {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private record Child(int exitCode, String stdout, String stderr)
    {
    }
}
