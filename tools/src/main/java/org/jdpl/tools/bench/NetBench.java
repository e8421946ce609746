package org.jdpl.tools.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jdpl.framework.driver.JvmFlags;
import org.jdpl.framework.driver.RunDirectories;
import org.jdpl.tools.cluster.FakeCluster;
import org.jdpl.transport.MessageLayout;

/**
 * {@code dpl bench net}: throughput between two fake hosts (h1 sends, h2 receives) for 64 B and
 * 1 MiB payloads, raw Aeron UDP ({@link AeronUdpBench}) and, when the framework can run across
 * hosts, jdpl. Results are a flat map ({@code aeronUdp.msgsPerSec}, {@code aeronUdp.mibPerSec}, ...);
 * what was not measured is absent, never zero.
 */
public final class NetBench
{
    static final String SENDER = "h1";
    static final String RECEIVER = "h2";
    private static final double MIB = 1024.0 * 1024.0;
    /** A jdpl message of a 64-byte payload on the wire: the O2 header block, then the payload. */
    private static final int WIRE_SIZE_BYTES = MessageLayout.PAYLOAD_OFFSET + NetBenchSettings.SMALL_BYTES;

    private final NetBenchSettings settings;
    private final FakeCluster cluster;
    private final PrintWriter log;
    private final Path shmDir;

    public NetBench(final NetBenchSettings settings, final FakeCluster cluster, final PrintWriter log)
    {
        this.settings = settings;
        this.cluster = cluster;
        this.log = log;
        this.shmDir = Path.of("/dev/shm", "jdpl-netbench-" + ProcessHandle.current().pid());
    }

    public Map<String, Double> run()
    {
        final Map<String, Double> results = new LinkedHashMap<>();
        try
        {
            log.printf("raw Aeron UDP %s -> %s, %d x 64 B ...%n", SENDER, RECEIVER, settings.smallMessages());
            log.flush();
            final double small = rawAeron(settings.smallMessages(), NetBenchSettings.SMALL_BYTES);
            results.put("aeronUdp.msgsPerSec", small);
            // The same with jdpl's wire size (O2 headers + 64 B), so the headers' share of the gap shows apart from the runner's.
            log.printf("raw Aeron UDP %s -> %s, %d x %d B ...%n", SENDER, RECEIVER, settings.smallMessages(), WIRE_SIZE_BYTES);
            log.flush();
            results.put("aeronUdp.wireSize.msgsPerSec", rawAeron(settings.smallMessages(), WIRE_SIZE_BYTES));
            log.printf("raw Aeron UDP %s -> %s, %d x 1 MiB ...%n", SENDER, RECEIVER, settings.largeMessages());
            log.flush();
            final double large = rawAeron(settings.largeMessages(), NetBenchSettings.LARGE_BYTES);
            results.put("aeronUdp.large.msgsPerSec", large);
            results.put("aeronUdp.mibPerSec", large * NetBenchSettings.LARGE_BYTES / MIB);
            jdpl(results);
        }
        finally
        {
            RunDirectories.deleteTree(shmDir);
        }
        return results;
    }

    private void jdpl(final Map<String, Double> results)
    {
        final Path benchDir = Path.of(System.getProperty("java.io.tmpdir"), "jdpl-netbench-" + ProcessHandle.current().pid());
        try (PrintWriter deviceLog = new PrintWriter(Files.newBufferedWriter(Files.createDirectories(benchDir).resolve("hosts.log")), true))
        {
            final JdplNetBench jdpl = new JdplNetBench(cluster, benchDir, deviceLog);
            log.printf("jdpl %s -> %s, %d x 64 B ...%n", SENDER, RECEIVER, settings.smallMessages());
            log.flush();
            final double small = jdpl.run(SENDER, RECEIVER, settings.smallMessages(), NetBenchSettings.SMALL_BYTES);
            results.put("jdpl.msgsPerSec", small);
            results.put("ratio.net", small / results.get("aeronUdp.msgsPerSec"));
            results.put("ratio.netWireSize", small / results.get("aeronUdp.wireSize.msgsPerSec"));
            log.printf("jdpl %s -> %s, %d x 1 MiB ...%n", SENDER, RECEIVER, settings.largeMessages());
            log.flush();
            final double large = jdpl.run(SENDER, RECEIVER, settings.largeMessages(), NetBenchSettings.LARGE_BYTES);
            results.put("jdpl.large.msgsPerSec", large);
            results.put("jdpl.mibPerSec", large * NetBenchSettings.LARGE_BYTES / MIB);
            results.put("ratio.netMib", results.get("jdpl.mibPerSec") / results.get("aeronUdp.mibPerSec"));
            // Kept when a step failed: its message points at the host logs in there.
            RunDirectories.deleteTree(benchDir);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the jdpl benchmark's logs under " + benchDir + ": " + ex.getMessage(), ex);
        }
    }

    private double rawAeron(final long messages, final int messageBytes)
    {
        final String endpoint = cluster.addressOf(RECEIVER) + ":" + settings.port();
        final Process subscriber = start(RECEIVER, "subscribe", endpoint, messages, messageBytes);
        Process publisher = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(subscriber.getInputStream(), StandardCharsets.UTF_8)))
        {
            final StringBuilder seen = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null)
            {
                if (line.equals(AeronUdpBench.READY) && publisher == null)
                {
                    publisher = start(SENDER, "publish", endpoint, messages, messageBytes);
                }
                else if (line.startsWith(AeronUdpBench.RESULT))
                {
                    return Double.parseDouble(line.substring(AeronUdpBench.RESULT.length()).trim());
                }
                else
                {
                    seen.append(line).append('\n');
                }
            }
            throw new IllegalStateException("the Aeron UDP subscriber on " + RECEIVER + " ended without a result:\n" + seen);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("the raw Aeron UDP benchmark could not run: " + ex.getMessage(), ex);
        }
        finally
        {
            stop(publisher);
            stop(subscriber);
        }
    }

    private Process start(final String host, final String mode, final String endpoint, final long messages, final int messageBytes)
    {
        final List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.addAll(JvmFlags.load());
        java.add("-cp");
        java.add(System.getProperty("java.class.path"));
        java.add(AeronUdpBench.class.getName());
        java.add(mode);
        java.add(shmDir.resolve(host + "-" + messageBytes).toString());
        java.add(endpoint);
        java.add(Long.toString(messages));
        java.add(Integer.toString(messageBytes));
        try
        {
            final ProcessBuilder builder = new ProcessBuilder(cluster.onHost(host, java)).redirectErrorStream(true);
            if (mode.equals("publish"))
            {
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            }
            return builder.start();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot start the Aeron UDP " + mode + "r on " + host + ": " + ex.getMessage(), ex);
        }
    }

    private static void stop(final Process process)
    {
        if (process == null)
        {
            return;
        }
        process.destroy();
        try
        {
            if (!process.waitFor(10, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
