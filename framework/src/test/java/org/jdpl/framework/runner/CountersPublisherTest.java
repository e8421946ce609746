package org.jdpl.framework.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jdpl.framework.counters.CounterType;
import org.jdpl.framework.counters.CountersSnapshot;
import org.jdpl.framework.counters.DeviceState;
import org.jdpl.framework.counters.ReplicaSample;
import org.jdpl.framework.counters.RouteSample;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.gpu.GpuMetrics;
import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.GpuPlacement;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.Route;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.run.RunManifest;
import org.jdpl.framework.spec.DataSpec;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.OutputSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CountersPublisherTest
{
    /** A device whose process calls take 0.6 s each. */
    private static final PlannedDevice HEAVY = new PlannedDevice("seeder", "forwarder", 1, Completion.ALL, "{}",
        List.of(InputSpec.parse("in:TST/RAW/0")), List.of(), 100, 1, List.of(), "backoff", FailurePolicy.DEFAULT, "t.conf:1");
    private static final long HEAVY_CALL_NS = 600_000_000L;

    @TempDir
    Path shmDir;

    private RunManifest manifestOf(final PlannedDevice device)
    {
        return new RunManifest("r", shmDir.toString(), shmDir.toString(), shmDir.toString(), 1, new Plan(List.of(device), 10, 1024, List.of()));
    }

    @Test
    void shouldPublishTotalsPerRouteAndPercentilesOfProcessingTime() throws Exception
    {
        // two outputs; the second feeds the only route, so route 0 carries output 1's counts
        final PlannedDevice device = new PlannedDevice("reco", "forwarder", 1, Completion.ALL, "{}",
            List.of(InputSpec.parse("in:TST/RAW/0")), List.of(OutputSpec.parse("qc:TST/QC/0"), OutputSpec.parse("out:TST/TRK/0")),
            100, 1, List.of(new Route("out", DataSpec.parse("TST/TRK/0"), "sink", "in", 1, 200)), "backoff", FailurePolicy.DEFAULT, "t.conf:1");
        final Plan plan = new Plan(List.of(device), 10, 1024, List.of());
        final RunManifest manifest = new RunManifest("r", shmDir.toString(), shmDir.toString(), shmDir.toString(), 1, plan);
        try (RunCountersFile file = RunCountersFile.create(RunLayout.counters(shmDir), plan.devices()))
        {
            final RunnerCounters counters = new RunnerCounters();
            counters.sizeOutputs(2);
            final CountersPublisher publisher = CountersPublisher.attach(counters, manifest, device, 0);
            publisher.state(DeviceState.RUNNING);
            for (int i = 1; i <= 100; i++)
            {
                counters.timeslicesIn++;
                counters.outputSent(0, 10);
                counters.outputSent(1, 1000);
                counters.recordProcessing(0, i * 1_000L);
            }
            publisher.flush();

            final ReplicaSample sample = CountersSnapshot.read(file).replica("reco", 0);
            assertEquals(DeviceState.RUNNING, sample.state());
            assertEquals(100, sample.get(CounterType.TIMESLICES_IN));
            assertEquals(List.of(new RouteSample(0, "sink.in", 100, 100_000)), sample.routes());
            final long p50 = sample.get(CounterType.PROCESSING_P50_NS);
            final long p99 = sample.get(CounterType.PROCESSING_P99_NS);
            assertTrue(p50 >= 49_000 && p50 <= 51_000, "p50 of 1..100 us: " + p50);
            assertTrue(p99 >= 98_000 && p99 <= 100_500, "p99 of 1..100 us: " + p99);
            assertTrue(sample.get(CounterType.HEARTBEAT_MS) > 0);
            assertEquals(0, counters.processingNanos.getTotalCount(), "percentiles are of recent calls: the histogram restarts");
            publisher.close();
        }
    }

    @Test
    void shouldPublishWhileAHeavyDeviceRunsOnlyBusyCycles() throws Exception
    {
        // Each busy cycle is one process call of 0.6 s: never an idle cycle.
        handleThreeSlowTimeslices((publisher, counters, seeder, i) -> publisher.onDutyCycle(1), seeder ->
            assertEquals(3, seeder.get(CounterType.TIMESLICES_IN), "published without waiting for 64 busy cycles or an idle one"));
    }

    @Test
    void shouldPublishInsideOneDutyCycleThatDrainsABacklogOfSlowTimeslices() throws Exception
    {
        // One duty cycle handling timeslices of 0.6 s each: it has not ended yet.
        handleThreeSlowTimeslices((publisher, counters, seeder, i) ->
        {
            publisher.onTimesliceHandled(counters.lastProcessEndNs);
            assertEquals(i, seeder.get().get(CounterType.TIMESLICES_IN), "published after timeslice " + i + ", before the duty cycle ends");
        }, seeder -> assertTrue(seeder.get(CounterType.PROCESSING_P50_NS) > 0, "percentiles too, once their interval passed"));
    }

    /** What a test does after each of HEAVY's timeslices; {@code seeder} reads HEAVY's published counters. */
    private interface AfterTimeslice
    {
        void after(CountersPublisher publisher, RunnerCounters counters, Supplier<ReplicaSample> seeder, int i);
    }

    /** HEAVY handles three timeslices of 0.6 s each (times given, not waited for); {@code atEnd} checks what was published. */
    private void handleThreeSlowTimeslices(final AfterTimeslice afterEach, final Consumer<ReplicaSample> atEnd) throws Exception
    {
        try (RunCountersFile file = RunCountersFile.create(RunLayout.counters(shmDir), List.of(HEAVY)))
        {
            final Supplier<ReplicaSample> seeder = () -> CountersSnapshot.read(file).replica("seeder", 0);
            final RunnerCounters counters = new RunnerCounters();
            final CountersPublisher publisher = CountersPublisher.attach(counters, manifestOf(HEAVY), HEAVY, 0);
            publisher.onDutyCycle(1);
            final long startNs = System.nanoTime();
            for (int i = 1; i <= 3; i++)
            {
                counters.timeslicesIn++;
                counters.recordProcessing(startNs + (i - 1) * HEAVY_CALL_NS, startNs + i * HEAVY_CALL_NS);
                afterEach.after(publisher, counters, seeder, i);
            }
            atEnd.accept(seeder.get());
            publisher.close();
        }
    }

    @Test
    void shouldCopyAGpuDevicesGpuMetricsIntoItsCounters() throws Exception
    {
        final PlannedDevice device = new PlannedDevice("cluster", "gpu-clusterizer", 1, Completion.ALL, "{}",
            List.of(InputSpec.parse("in:TST/RAW/0")), List.of(), 100, 1, List.of(), "backoff", FailurePolicy.DEFAULT, "t.conf:1",
            new GpuPlacement("opencl", List.of(0), false, 1 << 20, "GPU backend opencl"));
        final Plan plan = new Plan(List.of(device), 10, 1024, List.of());
        final RunManifest manifest = new RunManifest("r", shmDir.toString(), shmDir.toString(), shmDir.toString(), 1, plan);
        try (RunCountersFile file = RunCountersFile.create(RunLayout.counters(shmDir), plan.devices()))
        {
            final MapMetrics metrics = new MapMetrics();
            final CountersPublisher publisher = CountersPublisher.attach(new RunnerCounters(), manifest, device, 0).withGpuMetrics(metrics);
            metrics.set(GpuMetrics.BUSY_FRACTION, 0.25);
            metrics.set(GpuMetrics.KERNEL_MS, 1.5);
            metrics.set(GpuMetrics.TRANSFER_BYTES, 4096);
            metrics.set(GpuMetrics.TRANSFER_MS, 0.5);
            metrics.set(GpuMetrics.POOL_HIGH_WATER_BYTES, 65536);
            publisher.flush();

            final ReplicaSample sample = CountersSnapshot.read(file).replica("cluster", 0);
            assertEquals(250, sample.get(CounterType.GPU_BUSY_PERMILLE));
            assertEquals(1_500_000, sample.get(CounterType.GPU_KERNEL_NS));
            assertEquals(4096, sample.get(CounterType.GPU_TRANSFER_BYTES));
            assertEquals(500_000, sample.get(CounterType.GPU_TRANSFER_NS));
            assertEquals(65536, sample.get(CounterType.GPU_POOL_HIGH_WATER_BYTES));
            publisher.close();
        }
    }

    @Test
    void shouldDoNothingWithoutACountersFile()
    {
        final PlannedDevice device = new PlannedDevice("src", "counter-source", 1, Completion.ALL, "{}", List.of(),
            List.of(), 0, 0, List.of(), "backoff", FailurePolicy.DEFAULT, "t.conf:1");
        final RunManifest manifest = new RunManifest("r", shmDir.toString(), shmDir.toString(), shmDir.toString(), 1,
            new Plan(List.of(device), 10, 1024, List.of()));
        final RunnerCounters counters = new RunnerCounters();
        final CountersPublisher publisher = CountersPublisher.attach(counters, manifest, device, 0);
        publisher.state(DeviceState.RUNNING);
        publisher.onDutyCycle(0);
        publisher.onDutyCycle(0);
        publisher.flush();
        publisher.close();
        assertTrue(counters.idleNanos >= 0);
    }
}
