package org.jdpl.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jdpl.tools.bench.NetBench;
import org.jdpl.tools.bench.NetBenchSettings;
import org.jdpl.tools.bench.TransportBenchReport;
import org.jdpl.tools.cluster.FakeCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dpl bench net [--json FILE] [--quick]}: throughput between two fake hosts ({@link NetBench}). */
@Command(
    name = "net",
    mixinStandardHelpOptions = true,
    description = {
        "Benchmark the network path between two fake hosts (scripts/fake-cluster; needs root): raw Aeron UDP",
        "and jdpl, 64 B and 1 MiB payloads. Joins a fake cluster already up, else brings one up and down."})
final class BenchNetCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    @Option(names = "--quick", description = "Tiny counts: checks that every step runs; the numbers mean little.")
    boolean quick;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final NetBenchSettings settings = quick ? NetBenchSettings.quick() : NetBenchSettings.full();
        final Map<String, Double> results;
        try (FakeCluster cluster = FakeCluster.upOrJoin(2))
        {
            results = new NetBench(settings, cluster, out).run();
        }
        catch (final FakeCluster.Unavailable ex)
        {
            throw new UserError("dpl bench net needs a fake cluster and this machine cannot build one: " + ex.getMessage(),
                ExitCode.FAILED);
        }
        catch (final IllegalStateException ex)
        {
            throw new UserError(ex.getMessage(), ExitCode.FAILED);
        }
        printTable(results, out);
        if (json != null)
        {
            TransportBenchReport.writeJson(results, json);
            out.println("results written to " + json);
        }
        return ExitCode.OK;
    }

    private static void printTable(final Map<String, Double> r, final PrintWriter out)
    {
        out.println();
        out.println("between two hosts                 64 B msgs/s     1 MiB MiB/s");
        out.printf(Locale.ROOT, "  raw Aeron UDP            %,16.0f %,15.1f%n", r.get("aeronUdp.msgsPerSec"), r.get("aeronUdp.mibPerSec"));
        out.printf(Locale.ROOT, "  raw Aeron UDP, 224 B     %,16.0f                   (jdpl's wire size: O2 headers + 64 B)%n",
            r.get("aeronUdp.wireSize.msgsPerSec"));
        if (r.containsKey("jdpl.msgsPerSec"))
        {
            out.printf(Locale.ROOT, "  jdpl source -> sink      %,16.0f %,15.1f   ratio.net = %.2f [target >= 0.7], MiB/s ratio = %.2f [>= 0.8]%n",
                r.get("jdpl.msgsPerSec"), r.get("jdpl.mibPerSec"), r.get("ratio.net"), r.get("jdpl.mibPerSec") / r.get("aeronUdp.mibPerSec"));
            out.printf(Locale.ROOT, "                                                            ratio.netWireSize = %.2f (against raw Aeron at 224 B)%n",
                r.get("ratio.netWireSize"));
        }
        else
        {
            out.println("  jdpl source -> sink      not measured");
        }
    }
}
