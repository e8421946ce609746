package org.jdpl.framework.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.FanOut;
import org.jdpl.framework.plan.GpuPlacement;
import org.jdpl.framework.plan.HostPlacement;
import org.jdpl.framework.plan.NetSettings;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.PlannedHost;
import org.jdpl.framework.plan.ProcessGroup;
import org.jdpl.framework.plan.RateLimit;
import org.jdpl.framework.plan.Route;
import org.jdpl.framework.spec.DataMatcher;
import org.jdpl.framework.spec.DataSpec;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.OutputSpec;
import org.jdpl.framework.spec.TimerSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestFileTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReadBackEveryPartOfThePlan() throws Exception
    {
        final PlannedDevice reco = new PlannedDevice("reco", "forwarder", 2, Completion.ORDERED, "{\"a\":1,\"text\":\"é\\n\"}",
            List.of(InputSpec.parse("in:TRK/*?lifetime=optional"), InputSpec.parse("clusters:TRK/CLUSTERS"),
                InputSpec.parse("tick:TMR/TICK?lifetime=timer&period=10ms")),
            List.of(OutputSpec.parse("out:TRK/TRACKS/3")), 100, 4,
            List.of(new Route("out", DataSpec.parse("TRK/TRACKS/3"), "sink", "in", 3, 200, true, false)), "busy-spin",
            new FailurePolicy(FailurePolicy.OnCrash.RESTART, 2, 1000, FailurePolicy.OnError.SKIP_TIMEFRAME, 7000), "reco.conf:7",
            new GpuPlacement("opencl", List.of(0, 1), false, 1L << 30, "2 GPUs"), 0, 2L << 30);
        final PlannedDevice sink = new PlannedDevice("sink", "checksum-sink", 3, Completion.ALL, null, List.of(InputSpec.parse("in:TRK/TRACKS")),
            List.of(), 200, 2, List.of(), "backoff", FailurePolicy.DEFAULT, "reco.conf:9", null, 4);
        final HostPlacement hosts = new HostPlacement(List.of(new PlannedHost("a", "10.0.0.1"), new PlannedHost("b", "10.0.0.2")),
            Map.of("reco", List.of("a", "b"), "sink", List.of("b", "b", "a")),
            new NetSettings(1408, 2 << 20, 0, 16 << 20, 0, FanOut.MULTICAST, "239.1.1.1", true, 9000));
        final RunManifest manifest = new RunManifest("r1", "/tmp/r1", "/dev/shm/jdpl-r1", "/dev/shm/jdpl-r1/aeron", 42,
            new Plan(List.of(reco, sink), 10, 65536, List.of("reco.conf"), 1L << 28,
                List.of(new ProcessGroup("reco-group", List.of("reco"), 2, "reco.conf:7")), hosts, new RateLimit(4, true),
                Map.of("forwarder", "/opt/lib/fw.jar")));
        final Path file = RunLayout.deviceManifest(dir);
        ManifestFile.write(file, manifest);
        assertEquals(manifest, ManifestFile.read(file));
    }

    @Test
    void shouldKnowEveryFieldOfThePlanRecords()
    {
        // ManifestCodec writes each field by hand: a new field must be added there (and to the plan above).
        final Map<Class<?>, Integer> fields = Map.ofEntries(Map.entry(RunManifest.class, 6), Map.entry(Plan.class, 9),
            Map.entry(PlannedDevice.class, 16), Map.entry(InputSpec.class, 4), Map.entry(DataMatcher.class, 3),
            Map.entry(TimerSpec.class, 2), Map.entry(OutputSpec.class, 3), Map.entry(DataSpec.class, 3), Map.entry(Route.class, 8),
            Map.entry(FailurePolicy.class, 5), Map.entry(GpuPlacement.class, 5), Map.entry(ProcessGroup.class, 4),
            Map.entry(HostPlacement.class, 3), Map.entry(PlannedHost.class, 2), Map.entry(NetSettings.class, 9),
            Map.entry(RateLimit.class, 2));
        for (final Map.Entry<Class<?>, Integer> record : fields.entrySet())
        {
            assertEquals(record.getValue(), record.getKey().getRecordComponents().length,
                record.getKey().getSimpleName() + " changed: write and read its new field in ManifestCodec");
        }
    }

    @Test
    void shouldSayWhenGivenAnotherFile() throws Exception
    {
        final Path json = Files.writeString(dir.resolve("run.json"), "{\"runId\" : \"r1\"}");
        final IOException wrong = assertThrows(IOException.class, () -> ManifestFile.read(json));
        assertTrue(wrong.getMessage().contains("is not a device manifest"), wrong.getMessage());
        final Path cut = Files.write(dir.resolve("cut.manifest"), new byte[] {0x4A, 0x44, 0x50, 0x4C, 0x4D, 0x41, 0x4E, 0x31, 1});
        final IOException early = assertThrows(IOException.class, () -> ManifestFile.read(cut));
        assertTrue(early.getMessage().contains("ends early"), early.getMessage());
    }
}
