package org.jdpl.tools.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** scripts/fake-cluster for real: namespaces, hostnames, Slurm across them, loss rules, and a clean teardown. */
@Timeout(120)
class FakeClusterTest
{
    @Test
    void shouldRunASlurmStepOnEveryFakeHostAndLeaveNothingBehind() throws Exception
    {
        final FakeCluster cluster = upOrSkip(3);
        try
        {
            assertEquals(List.of("h1", "h2", "h3"), List.copyOf(cluster.addresses().keySet()));
            final String hostnames = run(cluster.onHost("h1", List.of("srun", "-N3", "hostname")));
            final List<String> sorted = new ArrayList<>(Arrays.asList(hostnames.strip().split("\\s+")));
            sorted.sort(null);
            assertEquals(List.of("h1", "h2", "h3"), sorted, hostnames);

            // Each host reaches the others at its own address, and only there: no default route.
            final String routes = run(cluster.onHost("h2", List.of("ip", "-4", "route")));
            assertFalse(routes.contains("default"), routes);
            assertTrue(run(cluster.onHost("h2", List.of("ip", "-4", "-o", "addr", "show", "eth0")))
                .contains(cluster.addressOf("h2") + "/24"));

            cluster.loss("h3", 0.1);
            assertTrue(run(cluster.onHost("h3", List.of("nft", "list", "ruleset"))).contains("numgen random mod 1000000 < 1000"));
            cluster.loss("h3", 0);
            assertFalse(run(cluster.onHost("h3", List.of("nft", "list", "ruleset"))).contains("numgen"));
        }
        finally
        {
            cluster.close();
        }
        assertNothingLeft();
    }

    @Test
    void shouldBeSafeToTakeDownTwice() throws Exception
    {
        upOrSkip(1).close();
        FakeCluster.downIfPresent();
        assertNothingLeft();
    }

    static FakeCluster upOrSkip(final int hosts)
    {
        try
        {
            return FakeCluster.upOrJoin(hosts);
        }
        catch (final FakeCluster.Unavailable ex)
        {
            Assumptions.abort("no fake cluster on this machine: " + ex.getMessage());
            throw new AssertionError("unreachable");
        }
    }

    static void assertNothingLeft() throws Exception
    {
        final String namespaces = run(List.of("ip", "netns", "list"));
        assertFalse(namespaces.contains("jdpl-fc-"), "namespaces left: " + namespaces);
        assertFalse(Files.exists(Path.of("/run/jdpl-fake-cluster")), "state directory left");
        assertFalse(run(List.of("ip", "link", "show")).contains("jdplfc0"), "bridge left");
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> daemons = liveDaemons();
        while (!daemons.isEmpty() && System.nanoTime() < deadline)
        {
            Thread.onSpinWait();
            daemons = liveDaemons();
        }
        assertEquals(List.of(), daemons, "daemons left");
    }

    private static List<String> liveDaemons()
    {
        return ProcessHandle.allProcesses()
            .filter(p -> p.info().command().map(c -> c.endsWith("/slurmd") || c.endsWith("/slurmctld") ||
                c.endsWith("/munged") || c.endsWith("/slurmstepd")).orElse(false))
            .map(p -> p.pid() + " " + p.info().command().orElse("?"))
            .toList();
    }

    private static String run(final List<String> command) throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " hung");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
        return output;
    }
}
