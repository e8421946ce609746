package org.jdpl.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jdpl.tools.bench.ServiceBench;
import org.jdpl.tools.bench.TransportBenchReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dpl bench service [--json FILE] [--quick]}: the GPU service under 1, 2, 4 concurrent client runs and 1, 2 instances. */
@Command(
    name = "service",
    mixinStandardHelpOptions = true,
    description = {"A GPU service (dpl serve, gpu-seeder) under concurrent client runs, after Triton's perf_analyzer: clients 1, 2, 4",
        "x instances 1, 2; throughput, client latency p50/p95/p99 (HdrHistogram), batch mean, queue/compute split, GPU busy; baseline:",
        "the in-topology gpu-seeder on the same timeframes in the same invocation. --quick: clients 1, 2, fewer timeframes."})
final class BenchServiceCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    @Option(names = "--quick", description = "Clients 1 and 2, 4 timeframes per client: a smoke run.")
    boolean quick;

    @Option(names = "--timeframes", paramLabel = "N", description = "Timeframes per client (default: 16, --quick 4).")
    Integer timeframes;

    @Option(names = "--max-batch", paramLabel = "N", description = "The service's max-batch (default: ${DEFAULT-VALUE}).")
    int maxBatch = 4;

    @Option(names = "--max-queue-delay", paramLabel = "DURATION", description = "The service's max-queue-delay (default: ${DEFAULT-VALUE}).")
    String maxQueueDelay = "2ms";

    @Option(names = "--backend", paramLabel = "NAME", description = "auto or a backend name (default: ${DEFAULT-VALUE}).")
    String backend = "auto";

    @Override
    public Integer call()
    {
        final int tfs = timeframes != null ? timeframes : quick ? 4 : 16;
        if (tfs < 2 || maxBatch < 1)
        {
            throw new UserError("--timeframes must be at least 2 (one is warm-up) and --max-batch at least 1", ExitCode.USAGE);
        }
        final List<Integer> clients = quick ? List.of(1, 2) : List.of(1, 2, 4);
        final List<Integer> instances = List.of(1, 2);
        final PrintWriter out = spec.commandLine().getOut();
        final Map<String, Object> r;
        try
        {
            r = new ServiceBench(clients, instances, tfs, 2, 400, maxBatch, maxQueueDelay, backend).run();
        }
        catch (final IllegalStateException ex)
        {
            throw new UserError(ex.getMessage(), ExitCode.FAILED);
        }
        ServiceBench.print(r, clients, instances, out);
        if (json != null)
        {
            TransportBenchReport.writeJson(r, json);
            out.println("results written to " + json);
        }
        return ExitCode.OK;
    }
}
