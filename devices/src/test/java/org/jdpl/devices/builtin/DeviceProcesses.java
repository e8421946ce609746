package org.jdpl.devices.builtin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.runner.DeviceMain;

/** Starts DeviceMain as a real separate JVM, as the Driver does: {@code java @flags -cp CP DeviceMain run.manifest device replica}. */
final class DeviceProcesses
{
    private DeviceProcesses()
    {
    }

    static Process start(final Path runDir, final String device, final int replica, final Path output) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + flagsFile());
        command.add("-Xmx128m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(DeviceMain.class.getName());
        command.add(RunLayout.deviceManifest(runDir).toString());
        command.add(device);
        command.add(Integer.toString(replica));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** Waits until {@code process}, logging to {@code log}, says device {@code device} is running; fails when it ends first. */
    static void awaitRunning(final Process process, final Path log, final String device) throws IOException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (!Files.exists(log) || !Files.readString(log).contains(device + ": running"))
        {
            assertTrue(process.isAlive(), "the " + device + " ended early:\n" + Files.readString(log));
            assertTrue(System.nanoTime() < deadline, "the " + device + " did not start running");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static Path flagsFile() throws IOException
    {
        final String property = System.getProperty("jdpl.jvmFlagsFile");
        if (property != null && Files.exists(Path.of(property)))
        {
            return Path.of(property);
        }
        final Path copy = Files.createTempFile("jdpl-jvm", ".flags");
        copy.toFile().deleteOnExit();
        try (InputStream in = DeviceMain.class.getResourceAsStream("/org/jdpl/framework/jvm.flags"))
        {
            if (in == null)
            {
                throw new IOException("jvm.flags is not on the class path");
            }
            Files.write(copy, in.readAllBytes());
        }
        return copy;
    }
}
