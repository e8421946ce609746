package org.jdpl.tools.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.jdpl.gpu.service.ServiceMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dpl serve FILE}: a GPU step as a long-lived service for the runs of this host (docs/gpu-service.md). */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {"Serve a GPU step (gpu-seeder or gpu-clusterizer) to any run on this host until Ctrl-C or SIGTERM:",
        "instances on one GPU, dynamic batching; runs call it with the service-step device. It registers in",
        "<runs dir>/services/NAME.json, where dpl status shows it with its counters."})
final class ServeCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    RunsDirMixin runs;

    @Parameters(paramLabel = "FILE", description = "The service file (HOCON): name, step, gpu, instances, max-batch, max-queue-delay, options.")
    Path file;

    @Override
    public Integer call()
    {
        final int status = ServiceMain.serve(file, runs.locator().runsDir(), spec.commandLine().getOut(), spec.commandLine().getErr());
        return status == 0 ? ExitCode.OK : ExitCode.USAGE;
    }
}
