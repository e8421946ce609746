package org.jdpl.gpu.service;

import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceInfo;
import org.jdpl.framework.device.EndOfStreamContext;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.Metrics;
import org.jdpl.framework.device.ProcessingContext;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.OutputSpec;

/**
 * The client side of a GPU service: finds the service by name at init, sends each timeframe's inputs
 * as references into shared memory, and copies the reply into its output. Any failure (no such
 * service, a dead one, a timeout, a failure at the service) is thrown from the call it happened in,
 * so the device's {@code on-error} policy applies with the reason. Its latencies, as the client sees
 * them, go to the run directory ({@link ServiceLatencies}) and its metrics.
 */
final class ServiceStepDevice implements Device
{
    private final PayloadLocator locator = new PayloadLocator();
    private final Request request = new Request();
    private final Histogram latencies = ServiceLatencies.histogram();
    private ServiceStep step;
    private int[] inputPositions;
    private int outputPosition;
    private ExchangeFile exchange;
    private ServiceClient client;
    private int warmUp;
    private long requests;
    private long windowStartMs;
    private long windowEndMs;
    private long[] replyTimesUs = new long[64];
    private int replies;

    @Override
    public void init(final InitContext ctx)
    {
        final DeviceInfo info = ctx.info();
        final String name = ctx.options().getString(ServiceStepFactory.SERVICE);
        if (name.isBlank())
        {
            throw new ServiceException("service-step needs the name of its service: options { service = NAME }");
        }
        final Path runsDir = info.runDirectory().toAbsolutePath().getParent();
        final ServiceRegistry registry = new ServiceRegistry(runsDir);
        final ServiceRecord service = registry.find(name);
        if (service == null)
        {
            throw new ServiceException("no service named '" + name + "' is registered in " + registry.dir() + ": start it with " +
                "`dpl serve FILE --runs-dir " + runsDir + "` (FILE saying name = " + name + ")");
        }
        step = service.step();
        bindPorts(info, name);
        exchange = new ExchangeFile(exchangeFile(info), ctx.options().getBytes(ServiceStepFactory.REPLY_BYTES));
        client = new ServiceClient(service, ctx.options().getDuration(ServiceStepFactory.TIMEOUT).toNanos());
        request.replyStream = client.replyStream();
        request.exchangeFile = exchange.path();
        request.inputCount = inputPositions.length;
        warmUp = ctx.options().getInt(ServiceStepFactory.WARM_UP);
        ctx.metrics().set("service.inputsByReference", 0);
        ctx.metrics().set("service.inputsCopied", 0);
        System.out.println("service-step: " + info.name() + " uses service '" + name + "' (" + step.deviceType() + ", pid " + service.pid() +
            ", " + service.gpu() + ")");
    }

    private void bindPorts(final DeviceInfo info, final String name)
    {
        final List<String> in = info.inputSpecs().stream().map(InputSpec::label).toList();
        final List<String> out = info.outputSpecs().stream().map(OutputSpec::label).toList();
        if (!in.containsAll(step.inputLabels()) || !out.contains(step.outputLabel()))
        {
            throw new ServiceException("service '" + name + "' runs " + step.deviceType() + ": call it from a " + step.clientType() +
                " device (device '" + info.name() + "' is a " + info.type() + ", with inputs " + in + " and outputs " + out + ")");
        }
        inputPositions = step.inputLabels().stream().mapToInt(info::inputPosition).toArray();
        outputPosition = info.outputPosition(step.outputLabel());
    }

    private static Path exchangeFile(final DeviceInfo info)
    {
        // The run's shared-memory directory goes at the end of the run, whatever happened to this process.
        final Path runShm = Path.of("/dev/shm", "jdpl-" + info.runDirectory().getFileName());
        final Path dir = Files.isDirectory(runShm) ? runShm : Path.of("/dev/shm");
        return dir.resolve("service-" + info.name() + "-" + info.replica() + "-" + ProcessHandle.current().pid() + ".xchg");
    }

    @Override
    public void process(final ProcessingContext ctx)
    {
        final long startNs = System.nanoTime();
        if (requests++ == warmUp)
        {
            windowStartMs = System.currentTimeMillis();
        }
        exchange.reset();
        for (int k = 0; k < inputPositions.length; k++)
        {
            final MemorySegment payload = ctx.inputs().get(inputPositions[k]).payload();
            final int mapping = locator.find(payload);
            if (mapping >= 0)
            {
                request.inputFiles[k] = locator.file(mapping);
                request.inputOffsets[k] = locator.fileOffset(mapping, payload);
                ctx.metrics().add("service.inputsByReference", 1);
            }
            else
            {
                request.inputFiles[k] = exchange.path();
                request.inputOffsets[k] = exchange.copy(payload);
                ctx.metrics().add("service.inputsCopied", 1);
            }
            request.inputLengths[k] = payload.byteSize();
        }
        request.requestId = client.nextRequestId();
        request.timeslice = ctx.timeslice();
        request.sentNs = startNs;
        request.replyOffset = exchange.replyOffset();
        request.replyCapacity = exchange.replyCapacity();
        final long length = client.call(request);
        final MemorySegment out = ctx.outputs().make(outputPosition, length);
        MemorySegment.copy(exchange.memory(), request.replyOffset, out, 0, length);
        final long latencyNs = System.nanoTime() - startNs;
        if (requests > warmUp)
        {
            latencies.recordValue(Math.min(latencyNs, ServiceLatencies.HIGHEST_NS));
            windowEndMs = System.currentTimeMillis();
            if (replies == replyTimesUs.length)
            {
                replyTimesUs = Arrays.copyOf(replyTimesUs, 2 * replies);
            }
            final Instant now = Instant.now();
            replyTimesUs[replies++] = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        }
        final Metrics m = ctx.metrics();
        m.add("service.queueMs", client.lastQueueNs() / 1e6);
        m.add("service.computeMs", client.lastComputeNs() / 1e6);
        m.add("service.batched", client.lastBatch());
        m.add("service.requests", 1);
    }

    @Override
    public void endOfStream(final EndOfStreamContext ctx)
    {
        final Metrics m = ctx.metrics();
        m.set("service.latencyP50Ms", latencies.getValueAtPercentile(50) / 1e6);
        m.set("service.latencyP99Ms", latencies.getValueAtPercentile(99) / 1e6);
        // Wall-clock ends of this client's measurement window, so a benchmark can take the union of several clients' windows.
        m.set("service.windowStartMs", windowStartMs);
        m.set("service.windowEndMs", windowEndMs);
        m.set("service.windowRequests", latencies.getTotalCount());
        ServiceLatencies.write(ctx.info().runDirectory(), ctx.info().name(), ctx.info().replica(), latencies,
            Arrays.copyOf(replyTimesUs, replies));
    }

    @Override
    public void close()
    {
        try
        {
            if (client != null)
            {
                client.close();
            }
        }
        finally
        {
            if (exchange != null)
            {
                exchange.close();
            }
        }
    }
}
