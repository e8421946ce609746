package org.jdpl.framework.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.ProcessGroup;
import org.jdpl.framework.plan.Route;
import org.jdpl.framework.run.DeviceReport;
import org.jdpl.framework.run.TimesliceDrop;
import org.jdpl.framework.run.RunManifest;
import org.jdpl.framework.spec.DataSpec;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.OutputSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReadAManifestWrittenByAPlainObjectMapper() throws Exception
    {
        final PlannedDevice device = new PlannedDevice("reco", "forwarder", 2, Completion.ORDERED, "{a = 1}",
            List.of(InputSpec.parse("in:TRK/*?lifetime=optional"), InputSpec.parse("clusters:TRK/CLUSTERS")),
            List.of(OutputSpec.parse("out:TRK/TRACKS/3")), 100, 4,
            List.of(new Route("out", DataSpec.parse("TRK/TRACKS/3"), "sink", "in", 3, 200)), "busy-spin",
            new FailurePolicy(FailurePolicy.OnCrash.RESTART, 2, 1000, FailurePolicy.OnError.SKIP_TIMEFRAME), "reco.conf:7");
        final RunManifest manifest = new RunManifest("r1", "/tmp/r1", "/dev/shm/jdpl-r1", "/dev/shm/jdpl-r1/aeron", 42,
            new Plan(List.of(device), 10, 65536, List.of("reco.conf"), 0, List.of(new ProcessGroup("reco-group", List.of("reco"), 2, "reco.conf:7"))));
        final Path file = dir.resolve("run.json");
        new ObjectMapper().writeValue(file.toFile(), manifest); // as the Driver may write it
        assertEquals(manifest, RunFiles.readManifest(file));
    }

    @Test
    void shouldRoundTripAReport() throws Exception
    {
        final DeviceReport report = new DeviceReport("sink", 1, "STOPPED", 10, 0, 640, 0, 1, 2, 3, null,
            Map.of("received", 10.0, "score", Double.NaN, "limit", Double.POSITIVE_INFINITY),
            List.of(0L, 4L, 6L, 9L), List.of(new TimesliceDrop(5, "incomplete at end of stream: an input never arrived")));
        final Path file = dir.resolve("reports").resolve("sink.1.json");
        RunFiles.writeReport(file, report);
        assertEquals(report, RunFiles.readReport(file));
    }
}
