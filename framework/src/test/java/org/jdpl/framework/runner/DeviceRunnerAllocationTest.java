package org.jdpl.framework.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jdpl.framework.catalog.DeviceCatalog;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.DeviceSpec;
import org.jdpl.framework.device.InputPort;
import org.jdpl.framework.device.Option;
import org.jdpl.framework.device.OutputPort;
import org.jdpl.framework.device.ProcessFunction;
import org.jdpl.framework.device.Setup;
import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.Route;
import org.jdpl.framework.run.DeviceExitCode;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.run.RunManifest;
import org.jdpl.framework.spec.DataSpec;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.OutputSpec;
import org.jdpl.transport.EmbeddedMediaDriver;
import org.jdpl.transport.segment.PayloadSegment;
import org.jdpl.transport.segment.SegmentContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole loop of a device allocates nothing per message: three real {@link DeviceRunner}s
 * (source, forwarder, sink) over real Aeron IPC with a run counters file, and the forwarder's
 * thread counted from inside its own process call between two timeslices, so the count covers
 * everything its runner does per message: receive, complete, call process, time it, count, publish
 * the counters, make and send the output. On the fast path and on the general path, inline and
 * through the payload segment.
 */
class DeviceRunnerAllocationTest
{
    /** Measured between these timeslices of the forwarder; the ones before warm the JIT up. */
    private static final long FROM = 150_000;
    private static final long UNTIL = 250_000;

    @TempDir
    Path runDir;

    @ParameterizedTest(name = "fast path {0}, payload {1} B")
    @CsvSource({"true, 64", "false, 64", "true, 200000", "false, 200000"})
    @Timeout(180)
    void shouldNotAllocatePerMessageInTheWholeLoop(final boolean fastPath, final long payloadBytes) throws Exception
    {
        final Path shm = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isWritable(shm), "needs a writable /dev/shm");
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx &&
            mx.isThreadAllocatedMemorySupported(), "this JVM cannot count allocated bytes");
        final Path shmDir = shm.resolve("jdpl-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        final long timeslices = UNTIL + 1;
        final List<PlannedDevice> devices = List.of(
            device("source", Source.TYPE, "{timeslices = " + timeslices + ", payload-bytes = " + payloadBytes + "}", List.of(),
                List.of("out:TST/COUNTER/0"), 0, 0, List.of(route("out", "TST/COUNTER/0", "probe", 100))),
            device("probe", Probe.TYPE, "{}", List.of("in:TST/COUNTER"), List.of("out:TST/PROBED/0"), 100, 1,
                List.of(route("out", "TST/PROBED/0", "sink", 200))),
            device("sink", Sink.TYPE, "{}", List.of("in:TST/PROBED"), List.of(), 200, 1, List.of()));
        try (EmbeddedMediaDriver media = EmbeddedMediaDriver.launch(RunLayout.aeronDir(shmDir));
            RunCountersFile counters = RunCountersFile.create(RunLayout.counters(shmDir), devices);
            PayloadSegment segment = PayloadSegment.create(RunLayout.payloadSegment(shmDir), new SegmentContext().sizeBytes(64L << 20));
            URLClassLoader types = typesLoader())
        {
            final RunManifest manifest = new RunManifest("test-run", runDir.toString(), shmDir.toString(), media.aeronDir().toString(),
                ProcessHandle.current().pid(), new Plan(devices, 10, 16 * 1024, List.of("test.conf"), 64L << 20, List.of()));
            final DeviceCatalog catalog = DeviceCatalog.load(types);
            final DeviceRunner[] runners = new DeviceRunner[3];
            final String[] names = {"sink", "probe", "source"};
            try
            {
                for (int i = 0; i < names.length; i++)
                {
                    runners[i] = new DeviceRunner(new DeviceRunnerContext().manifest(manifest).deviceName(names[i]).replica(0)
                        .catalog(catalog).directDelivery(fastPath).driverCheckIntervalMs(600_000)
                        .reportFile(runDir.resolve(names[i] + ".json"))).start();
                }
                for (final DeviceRunner runner : runners)
                {
                    final DeviceOutcome outcome = runner.awaitOutcome(150, TimeUnit.SECONDS);
                    assertTrue(outcome != null && outcome.exitCode() == DeviceExitCode.OK, String.valueOf(outcome));
                }
            }
            finally
            {
                for (final DeviceRunner runner : runners)
                {
                    if (runner != null)
                    {
                        runner.close();
                    }
                }
            }
            final var probe = runners[1].outcome().report();
            assertEquals(timeslices, probe.timeslicesIn());
            assertEquals(timeslices, runners[0].outcome().report().timeslicesIn(), "the sink got every forwarded message");
            assertEquals(payloadBytes > 16 * 1024, probe.metrics().getOrDefault(SegmentPlumbing.METRIC_REFS_IN, 0.0) > 0,
                "large payloads through the segment, small ones inline");
            final double allocated = probe.metrics().get(Probe.ALLOCATED_BYTES);
            final long messages = UNTIL - FROM;
            System.out.printf("fast path %s, %d B: %.0f bytes allocated by the forwarder's thread over %d messages%n",
                fastPath, payloadBytes, allocated, messages);
            // One object per message is >= 16 B a message; a few KiB of JIT and idle-strategy noise is not.
            assertTrue(allocated < messages * 4, allocated + " bytes allocated for " + messages + " messages");
        }
        finally
        {
            if (Files.exists(shmDir))
            {
                try (Stream<Path> paths = Files.walk(shmDir))
                {
                    for (final Path path : paths.sorted(Comparator.reverseOrder()).toList())
                    {
                        Files.deleteIfExists(path);
                    }
                }
            }
        }
    }

    @Test
    void shouldFindTheTestDevicesOnlyThroughItsOwnLoader() throws Exception
    {
        try (URLClassLoader types = typesLoader())
        {
            assertTrue(DeviceCatalog.load(types).names().containsAll(List.of(Source.TYPE, Probe.TYPE, Sink.TYPE)));
        }
    }

    /** A class loader that registers this test's device types, so that no other test's catalog sees them. */
    private URLClassLoader typesLoader() throws Exception
    {
        final Path services = Files.createDirectories(runDir.resolve("types/META-INF/services"));
        Files.writeString(services.resolve(DeviceFactory.class.getName()),
            Source.class.getName() + "\n" + Probe.class.getName() + "\n" + Sink.class.getName() + "\n");
        return new URLClassLoader(new URL[] {runDir.resolve("types").toUri().toURL()}, getClass().getClassLoader());
    }

    private static PlannedDevice device(final String name, final String type, final String options, final List<String> inputs,
        final List<String> outputs, final int firstStreamId, final int upstreamProducers, final List<Route> routes)
    {
        return new PlannedDevice(name, type, 1, Completion.ALL, options, inputs.stream().map(InputSpec::parse).toList(),
            outputs.stream().map(OutputSpec::parse).toList(), firstStreamId, upstreamProducers, routes, "backoff",
            FailurePolicy.DEFAULT, "test.conf:1");
    }

    private static Route route(final String output, final String spec, final String consumer, final int firstStreamId)
    {
        return new Route(output, DataSpec.parse(spec), consumer, "in", 1, firstStreamId);
    }

    /** Sends {@code timeslices} payloads, each starting with its timeslice id. */
    public static final class Source extends DeviceSpec
    {
        static final String TYPE = "alloc-test-source";
        private final OutputPort out = output("out", "TST/COUNTER/0");
        private final Option<Long> timeslices = longOption("timeslices", 1, 1, Long.MAX_VALUE, "how many");
        private final Option<Long> payloadBytes = longOption("payload-bytes", 64, 8, 1L << 30, "payload size");

        public Source()
        {
            super(TYPE, "allocation test source");
        }

        @Override
        protected ProcessFunction init(final Setup setup)
        {
            final long count = setup.get(timeslices);
            final long bytes = setup.get(payloadBytes);
            return ts ->
            {
                ts.make(out, bytes).set(ValueLayout.JAVA_LONG_UNALIGNED, 0, ts.id());
                if (ts.id() == count - 1)
                {
                    ts.endOfStream();
                }
            };
        }
    }

    /** Forwards every payload; counts its own thread's allocated bytes from timeslice FROM to UNTIL. */
    public static final class Probe extends DeviceSpec
    {
        static final String TYPE = "alloc-test-probe";
        static final String ALLOCATED_BYTES = "allocatedBytes";
        private final InputPort in = input("in", "TST/COUNTER");
        private final OutputPort out = output("out", "TST/PROBED/0");

        public Probe()
        {
            super(TYPE, "allocation test probe");
        }

        @Override
        protected ProcessFunction init(final Setup setup)
        {
            final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
            final long[] measured = {0, -1};
            setup.onEndOfStream(ts -> ts.metrics().set(ALLOCATED_BYTES, measured[1]));
            return ts ->
            {
                final long id = ts.id();
                if (id == FROM)
                {
                    measured[0] = threads.getCurrentThreadAllocatedBytes();
                }
                else if (id == UNTIL)
                {
                    measured[1] = threads.getCurrentThreadAllocatedBytes() - measured[0];
                }
                ts.forward(out, ts.input(in));
            };
        }
    }

    /** Reads the first long of every payload. */
    public static final class Sink extends DeviceSpec
    {
        static final String TYPE = "alloc-test-sink";
        private final InputPort in = input("in", "TST/PROBED");

        public Sink()
        {
            super(TYPE, "allocation test sink");
        }

        @Override
        protected ProcessFunction init(final Setup setup)
        {
            final long[] sum = {0};
            setup.onEndOfStream(ts -> ts.metrics().set("sum", sum[0]));
            return ts ->
            {
                final MemorySegment payload = ts.input(in).payload();
                sum[0] += payload.get(ValueLayout.JAVA_LONG_UNALIGNED, 0);
            };
        }
    }
}
