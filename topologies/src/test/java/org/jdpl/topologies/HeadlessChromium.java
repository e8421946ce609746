package org.jdpl.topologies;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code chromium}, headless, as a test's browser: it opens a page from a file (no network), takes a
 * screenshot, and dumps the DOM after the page's scripts ran. Skips (a failure in CI) when chromium is not installed.
 */
final class HeadlessChromium
{
    private static final long TIMEOUT_S = 90;
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final Path profile;

    /** @param work a directory of the test's, for the browser's profile */
    HeadlessChromium(final Path work)
    {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + ": apt-get install chromium (as .ci/run does)");
        this.profile = work.resolve("chromium-profile");
    }

    /** What the browser made of a page. */
    record Page(String dom, String console)
    {
        /** Errors the page's own hook recorded ({@code data-errors} on {@code <html>}), and uncaught ones the browser logged. */
        List<String> scriptErrors()
        {
            final List<String> errors = new ArrayList<>();
            final Matcher m = Pattern.compile("<html[^>]*data-errors=\"([^\"]*)\"").matcher(dom);
            if (m.find())
            {
                errors.add(m.group(1));
            }
            console.lines().filter(l -> l.contains("Uncaught")).forEach(errors::add);
            return errors;
        }

        /** The element with this id is in the page. */
        boolean has(final String id)
        {
            return dom.contains("id=\"" + id + "\"");
        }

        /** Canvases inside the chart container {@code id} (a {@code div.chart}: uPlot draws into one canvas). */
        int canvasesIn(final String id)
        {
            final int start = dom.indexOf("<div class=\"chart\" id=\"" + id + "\"");
            if (start < 0)
            {
                return 0;
            }
            final int next = dom.indexOf("<div class=\"chart\" id=", start + 1);
            final String chart = dom.substring(start, next < 0 ? dom.length() : next);
            return chart.split("<canvas", -1).length - 1;
        }

        /** Every chart container's id, in page order. */
        List<String> chartIds()
        {
            final List<String> ids = new ArrayList<>();
            final Matcher m = Pattern.compile("<div class=\"chart\" id=\"([^\"]+)\"").matcher(dom);
            while (m.find())
            {
                ids.add(m.group(1));
            }
            return ids;
        }

        /** The SVG element {@code id}, or "". */
        String svg(final String id)
        {
            final int start = dom.indexOf("<svg id=\"" + id + "\"");
            return start < 0 ? "" : dom.substring(start, dom.indexOf("</svg>", start) + 6);
        }
    }

    /** Opens {@code html}, writes a screenshot of the top {@code height} pixels to {@code screenshot}, returns the rendered DOM. */
    Page open(final Path html, final Path screenshot, final int height) throws IOException, InterruptedException
    {
        final String url = html.toAbsolutePath().toUri().toString();
        final String shot = run(List.of("--window-size=1600," + height, "--screenshot=" + screenshot.toAbsolutePath(), url), null);
        if (!Files.isRegularFile(screenshot))
        {
            throw new AssertionError("chromium wrote no screenshot of " + url + ":\n" + shot);
        }
        final Path dom = screenshot.resolveSibling(screenshot.getFileName() + ".dom.html");
        final String console = run(List.of("--window-size=1600," + height, "--dump-dom", url), dom);
        return new Page(Files.readString(dom, StandardCharsets.UTF_8), shot + console);
    }

    /** Runs chromium headless with {@code args}; stdout to {@code out} when given; returns what it logged. */
    private String run(final List<String> args, final Path out) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
            "--hide-scrollbars", "--no-first-run", "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile));
        command.addAll(args);
        final Path log = Files.createTempFile(profile.getParent(), "chromium", ".log");
        final ProcessBuilder pb = new ProcessBuilder(command).redirectError(log.toFile());
        pb.redirectOutput(out == null ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(out.toFile()));
        final Process p = pb.start();
        if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS))
        {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within " + TIMEOUT_S + " s: " + command);
        }
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
