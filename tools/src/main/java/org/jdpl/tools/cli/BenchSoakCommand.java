package org.jdpl.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jdpl.tools.bench.SoakBench;
import org.jdpl.tools.bench.TransportBenchReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dpl bench soak [--json FILE] [--timeframes N]}: a long run through a too-small segment. */
@Command(
    name = "soak",
    mixinStandardHelpOptions = true,
    description = {
        "Soak: N timeframes (default 100,000) through source -> forwarder x2 -> checksum sink, payloads through a",
        "payload segment smaller than the data in flight. Checks nothing is lost, no segment bytes leak, and device RSS",
        "stays flat. Exit 1 when any of these fails."})
final class BenchSoakCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    @Option(names = "--timeframes", paramLabel = "N", description = "How many timeframes (default: ${DEFAULT-VALUE}).")
    long timeframes = 100_000;

    @Option(names = "--payload-bytes", paramLabel = "BYTES", description = "Payload per timeframe (default: ${DEFAULT-VALUE}).")
    long payloadBytes = 96 * 1024;

    @Option(names = "--segment-bytes", paramLabel = "BYTES", description = "Payload segment size (default: ${DEFAULT-VALUE}).")
    long segmentBytes = 4 * 1024 * 1024;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final Map<String, Double> r;
        try
        {
            r = new SoakBench(timeframes, payloadBytes, segmentBytes, out).run();
        }
        catch (final IllegalStateException ex)
        {
            throw new UserError(ex.getMessage(), ExitCode.FAILED);
        }
        SoakBench.print(r, out);
        if (json != null)
        {
            TransportBenchReport.writeJson(r, json);
            out.println("results written to " + json);
        }
        final boolean held = r.get("ok") == 1.0 && r.get("timeslices.lost") == 0 && r.get("segment.leakedBytes") == 0 &&
            r.get("timeslices.completed").equals(r.get("timeslices.produced"));
        return held ? ExitCode.OK : ExitCode.FAILED;
    }
}
