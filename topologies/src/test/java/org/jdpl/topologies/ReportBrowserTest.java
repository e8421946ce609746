package org.jdpl.topologies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jdpl.tools.Dpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dpl run --report} and {@code dpl report} opened in headless Chromium: the page renders without script errors
 * and holds the graph and the charts (counted by their ids), for an ok run with a QC device, a run whose device
 * crashed, and a run whose Driver was killed with SIGKILL. Screenshots stay in target/report-screenshots to look at.
 */
@Timeout(300)
class ReportBrowserTest
{
    private static final Path SHOTS = Path.of("target", "report-screenshots");
    private static final List<String> DEVICE_CHARTS = List.of("throughput", "latency", "load", "rss");

    private static final String RECO = """
        devices {
          sim     { use = trackml-simulator, options { events = 4, events-per-timeframe = 2, particles-per-event = 100 } }
          cluster { use = clusterizer }
          seeder  { use = seeder }
          finder  { use = track-finder }
          fitter  { use = track-fitter, options { uniform-field-half-length = 1e6 } }
          qc      { use = trackml-qc, pipeline = 2 }
        }
        """;
    private static final String CRASHING = """
        devices {
          source { use = counter-source, options { timeslices = 200, payload-bytes = 1024, rate-hz = 50 } }
          fwd    { use = forwarder, options { crash-at-timeslice = 20 } }
          sink   { use = checksum-sink }
        }
        """;
    private static final String ENDLESS = """
        devices {
          source { use = counter-source, options { timeslices = 0, payload-bytes = 512, rate-hz = 200 } }
          fwd    { use = forwarder }
          sink   { use = checksum-sink }
        }
        """;

    @TempDir
    Path dir;

    @Test
    void shouldRenderTheReportOfAnOkRunWithItsQcHistograms() throws Exception
    {
        final RunFixture fixture = new RunFixture(dir);
        final RunResult result = fixture.run(fixture.write("reco.conf", RECO), "--report", "--sample-period", "200");
        assertEquals(0, result.exitCode(), result::describe);
        final Path report = reportPath(result.out());
        for (final int replica : new int[] {0, 1})
        {
            assertTrue(Files.isRegularFile(report.resolveSibling("qc").resolve("qc." + replica + ".json")), "QC replica " + replica + " wrote");
        }

        final HeadlessChromium.Page page = new HeadlessChromium(dir).open(report, shot("ok-run.png"), 2400);

        assertRendered(page);
        final String graph = page.svg("topology-graph");
        assertEquals(6, count(graph, "<g class=\"device\""), graph);
        assertEquals(6, count(graph, "data-state=\"STOPPED\""), "every device ended cleanly: " + graph);
        assertTrue(graph.contains("msg, "), "edges are labelled with what they carried: " + graph);
        for (final String device : List.of("sim", "cluster", "seeder", "finder", "fitter", "qc"))
        {
            assertDeviceCharts(page, device);
        }
        assertEquals(1, page.canvasesIn("chart-inflight"));
        assertTrue(page.dom().contains("qc: 4 events, ") && page.dom().contains("merged from 2 replica file(s)"),
            "the two QC replicas (2 events each) merged");
        for (final String qc : List.of("efficiencyVsPt", "efficiencyVsEta", "fakeRateVsEta", "duplicateRateVsEta", "ptResidual", "ptPull",
            "d0Residual", "d0Pull", "z0Residual", "z0Pull", "hitsPerTrack", "chi2Ndf", "clusterSize"))
        {
            assertEquals(1, page.canvasesIn("qc-qc-" + qc), "QC chart " + qc + " in " + page.chartIds());
        }
        RunFixture.assertNothingLeft(result);
    }

    @Test
    void shouldRenderTheReportOfARunWithACrashedDevice() throws Exception
    {
        final RunFixture fixture = new RunFixture(dir);
        final RunResult result = fixture.run(fixture.write("crash.conf", CRASHING), "--report", "--sample-period", "200");
        assertEquals(1, result.exitCode(), result::describe);
        assertEquals("failed", result.status());

        final HeadlessChromium.Page page = new HeadlessChromium(dir).open(reportPath(result.out()), shot("crashed-device.png"), 1800);

        assertRendered(page);
        final String graph = page.svg("topology-graph");
        assertTrue(graph.contains("data-device=\"fwd\" data-state=\"FAILED\""), "the crashed device is drawn failed: " + graph);
        assertTrue(page.has("failure"), "the failure is shown");
        assertTrue(page.dom().contains("fwd#0 (failed)"), "the failed replica's log lines are open");
        for (final String device : List.of("source", "fwd", "sink"))
        {
            assertDeviceCharts(page, device);
        }
        RunFixture.assertNothingLeft(result);
    }

    @Test
    void shouldRenderWhatWasSampledWhenTheDriverWasKilled() throws Exception
    {
        final Path runs = dir.resolve("runs");
        final Path topology = Files.writeString(dir.resolve("endless.conf"), ENDLESS);
        final String runId;
        try (DplProcess dpl = DplProcess.start("run", topology.toString(), "--runs-dir", runs.toString(), "--sample-period", "100"))
        {
            RunFixture.await("the run to start", 60_000, () -> RUN_ID.matcher(dpl.output()).find());
            final Matcher m = RUN_ID.matcher(dpl.output());
            assertTrue(m.find());
            runId = m.group(1);
            final Path series = runs.resolve(runId).resolve("timeseries.jsonl");
            RunFixture.await("a few samples of a sink taking timeslices in", 60_000, () -> samplesWithSinkTakingData(series) >= 3);
            final List<ProcessHandle> devices = dpl.descendants();
            dpl.killForcibly(); // SIGKILL: no summary, no last sample
            RunFixture.await("every device to exit after the Driver died", 15_000, () -> devices.stream().noneMatch(ProcessHandle::isAlive));
        }
        assertTrue(Files.notExists(runs.resolve(runId).resolve("summary.json")), "a killed Driver writes no summary");
        final DplRunOutput clean = dpl("clean");
        assertEquals(0, clean.exit(), clean.text());

        final Path out = dir.resolve("reports");
        final DplRunOutput report = dpl("report", runId, "--runs-dir", runs.toString(), "--out", out.toString());
        assertEquals(0, report.exit(), report.text());
        final Path file = out.resolve(runId + ".html");
        assertTrue(report.text().contains(file.toAbsolutePath().toString()), report.text());

        final HeadlessChromium.Page page = new HeadlessChromium(dir).open(file, shot("killed-driver.png"), 1800);

        assertRendered(page);
        assertTrue(page.dom().contains("status-dead"), "the run shows as dead");
        assertTrue(page.dom().contains("died before writing one"), "the page says there is no summary");
        assertEquals(3, count(page.svg("topology-graph"), "<g class=\"device\""));
        for (final String device : List.of("source", "fwd", "sink"))
        {
            assertDeviceCharts(page, device);
        }
    }

    @Test
    void shouldSayInOneLineWhatIsWrongWithTheArguments() throws Exception
    {
        final DplRunOutput unknown = dpl("report", "no-such-run", "--runs-dir", dir.toString());
        assertNotEquals(0, unknown.exit());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.text());
        assertTrue(unknown.err().startsWith("dpl report: no run 'no-such-run' in "), unknown.text());

        final RunFixture fixture = new RunFixture(dir);
        final RunResult result = fixture.run(fixture.write("short.conf", """
            devices {
              source { use = counter-source, options { timeslices = 5 } }
              sink   { use = checksum-sink, inputs = ["in:TST/COUNTER"] }
            }
            """));
        assertEquals(0, result.exitCode(), result::describe);
        final DplRunOutput unwritable = dpl("report", "--runs-dir", fixture.runsDir().toString(), "--out", "/proc/jdpl-reports");
        assertNotEquals(0, unwritable.exit());
        assertEquals(1, unwritable.err().strip().lines().filter(l -> !l.startsWith("run ")).count(), unwritable.text());
        assertTrue(unwritable.err().contains("cannot write the report to /proc/jdpl-reports/"), unwritable.text());
        assertTrue(unwritable.err().contains("give --out a directory you can write"), unwritable.text());
    }

    private static final Pattern RUN_ID = Pattern.compile("run (\\d{8}-\\d{6}-[0-9a-f]+):");

    /** Samples in which the sink has taken timeslices in (the first value of a replica row). */
    private static long samplesWithSinkTakingData(final Path series)
    {
        final Pattern sinkIn = Pattern.compile("\\[\"sink\",0,\"RUNNING\",[1-9]");
        try
        {
            return Files.exists(series) ? Files.readAllLines(series).stream().filter(l -> sinkIn.matcher(l).find()).count() : 0;
        }
        catch (final java.io.IOException ex)
        {
            return 0;
        }
    }

    private static void assertRendered(final HeadlessChromium.Page page)
    {
        assertEquals(List.of(), page.scriptErrors(), "script errors");
        assertTrue(page.dom().contains("data-rendered=\"yes\""), "the page's script ran to its end");
        assertTrue(page.has("topology-graph"), "the graph is there");
    }

    private static void assertDeviceCharts(final HeadlessChromium.Page page, final String device)
    {
        for (final String chart : DEVICE_CHARTS)
        {
            final String id = "chart-" + device + "-" + chart;
            assertEquals(1, page.canvasesIn(id), id + " drawn, in " + page.chartIds());
        }
    }

    private static int count(final String text, final String what)
    {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    private static Path shot(final String name) throws java.io.IOException
    {
        Files.createDirectories(SHOTS);
        return SHOTS.resolve(name);
    }

    private static Path reportPath(final String console)
    {
        final Matcher m = Pattern.compile("(?m)^report: (.+\\.html)$").matcher(console);
        assertTrue(m.find(), "dpl run --report prints the report's path:\n" + console);
        return Path.of(m.group(1));
    }

    private record DplRunOutput(int exit, String out, String err)
    {
        String text()
        {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private static DplRunOutput dpl(final String... args)
    {
        final ConsoleBuffer out = new ConsoleBuffer();
        final ConsoleBuffer err = new ConsoleBuffer();
        final int exit = Dpl.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new DplRunOutput(exit, out.toString(), err.toString());
    }
}
