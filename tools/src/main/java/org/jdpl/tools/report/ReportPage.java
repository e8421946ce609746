package org.jdpl.tools.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The report as one HTML page that needs nothing else: uPlot's script and style (read from its WebJar on our class
 * path), our own script and style, the data, and the graph's SVG, all inlined. Tables and logs are written here; the
 * charts are drawn by the script when the page opens.
 */
final class ReportPage
{
    /** uPlot's files in its WebJar; the version is the dependency's (root pom's {@code uplot.version}). */
    static final String UPLOT_DIR = "META-INF/resources/webjars/uplot/";

    private ReportPage()
    {
    }

    static String render(final RunReport report)
    {
        final JsonNode data = report.data();
        final String status = data.path("status").asText();
        final StringBuilder html = new StringBuilder(256 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
        html.append("<title>jdpl run ").append(esc(data.path("run").asText())).append(" (").append(esc(status)).append(")</title>\n");
        // First, so that an error in any later script is recorded where a reader (or the browser test) can see it.
        html.append("<script>window.reportErrors=[];window.addEventListener('error',function(e){window.reportErrors.push(String(e.message));" +
            "document.documentElement.dataset.errors=window.reportErrors.join(' | ');});</script>\n");
        html.append("<style>").append(resource(uplot("uPlot.min.css"))).append("</style>\n");
        html.append("<style>").append(resource("org/jdpl/tools/report/report.css")).append("</style>\n");
        html.append("<script>").append(resource(uplot("uPlot.iife.min.js"))).append("</script>\n");
        html.append("</head><body>\n");
        html.append("<h1>run ").append(esc(data.path("run").asText())).append(" <span class=\"status status-").append(esc(status)).append("\">")
            .append(esc(status)).append("</span></h1>\n");
        html.append("<p class=\"note\">report written ").append(Instant.now()).append("; ").append(data.path("samples").asInt())
            .append(" samples of the counters").append(data.has("wallSeconds") ?
                String.format(Locale.ROOT, "; ran %.1f s", data.path("wallSeconds").asDouble()) : "").append("</p>\n");
        summary(html, data);
        html.append("<h2>Topology</h2>\n<p class=\"note\">green: ended cleanly; red: failed; amber: had not ended; " +
            "edges: messages and bytes sent</p>\n");
        html.append(report.graphSvg());
        html.append("<h2>Timeframes in flight</h2>\n<div id=\"inflight\" class=\"charts\"></div>\n");
        replicas(html, data);
        html.append("<h2>Devices over time</h2>\n<p class=\"note\">a line per replica; drag across a chart to zoom in, " +
            "double-click it to zoom out</p>\n<div id=\"device-charts\"></div>\n");
        html.append("<h2>Quality control</h2>\n<div id=\"qc\"></div>\n");
        logs(html, data);
        html.append("<script id=\"report-data\" type=\"application/json\">").append(scriptSafe(data.toString())).append("</script>\n");
        html.append("<script>").append(resource("org/jdpl/tools/report/report.js")).append("</script>\n");
        html.append("</body></html>\n");
        return html.toString();
    }

    private static void summary(final StringBuilder html, final JsonNode data)
    {
        html.append("<h2>Summary</h2>\n");
        final JsonNode ts = data.path("timeslices");
        if (ts.isObject())
        {
            html.append("<table class=\"figures\" id=\"timeslices\"><tr><th>produced</th><th>completed</th><th>dropped</th><th>lost</th></tr><tr>");
            for (final String f : new String[] {"produced", "completed", "dropped", "lost"})
            {
                html.append("<td class=\"num\">").append(ts.path(f).asLong()).append("</td>");
            }
            html.append("</tr></table>\n");
            if (ts.path("losses").size() > 0)
            {
                html.append("<pre>");
                ts.path("losses").forEach(l -> html.append(esc("timeslice " + l.path("timeslice").asLong() + " not completed, at " +
                    l.path("device").asText() + ": " + l.path("reason").asText())).append('\n'));
                html.append("</pre>\n");
            }
        }
        else
        {
            html.append("<p>No summary: the run's Driver ").append("running".equals(data.path("status").asText()) ?
                "is still running" : "died before writing one (killed?)").append("; what follows is what it sampled.</p>\n");
        }
        if (!data.path("failure").isMissingNode() && !data.path("failure").isNull())
        {
            html.append("<h3>Failure</h3><pre id=\"failure\">").append(esc(data.path("failure").asText())).append("</pre>\n");
        }
        if (data.path("incidents").size() > 0)
        {
            html.append("<h3>Incidents</h3><ul id=\"incidents\">");
            data.path("incidents").forEach(i -> html.append("<li>").append(esc(i.asText())).append("</li>"));
            html.append("</ul>\n");
        }
        if (data.path("hosts").size() > 0)
        {
            html.append("<h3>Hosts</h3><pre>");
            data.path("hosts").forEach(h -> html.append(esc(h.toString())).append('\n'));
            html.append("</pre>\n");
        }
    }

    private static void replicas(final StringBuilder html, final JsonNode data)
    {
        html.append("<h2>Replicas</h2>\n<table id=\"replicas\"><tr><th>replica</th><th>type</th><th>host</th><th>state</th><th>exit</th>" +
            "<th>timeslices in</th><th>out</th><th>restarts</th></tr>\n");
        for (final JsonNode r : data.path("replicas"))
        {
            html.append("<tr><td>").append(esc(r.path("replica").asText())).append("</td><td>").append(esc(r.path("type").asText()))
                .append("</td><td>").append(esc(r.path("host").asText())).append("</td><td class=\"state-").append(esc(r.path("state").asText()))
                .append("\">").append(esc(r.path("state").asText())).append("</td><td>").append(esc(r.path("exit").asText("")))
                .append("</td><td class=\"num\">").append(r.path("timeslicesIn").asText("")).append("</td><td class=\"num\">")
                .append(r.path("timeslicesOut").asText("")).append("</td><td class=\"num\">").append(r.path("restarts").asText(""))
                .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void logs(final StringBuilder html, final JsonNode data)
    {
        html.append("<h2>Last log lines</h2>\n<div id=\"logs\">\n");
        final Iterator<Map.Entry<String, JsonNode>> it = data.path("logs").fields();
        while (it.hasNext())
        {
            final Map.Entry<String, JsonNode> e = it.next();
            final boolean failed = failed(data, e.getKey());
            html.append("<details").append(failed ? " open" : "").append("><summary>").append(esc(e.getKey())).append(failed ? " (failed)" : "")
                .append("</summary><pre>");
            e.getValue().forEach(line -> html.append(esc(line.asText())).append('\n'));
            html.append("</pre></details>\n");
        }
        html.append("</div>\n<h2>Driver events</h2>\n<pre id=\"events\">");
        data.path("events").forEach(line -> html.append(esc(line.asText())).append('\n'));
        html.append("</pre>\n");
    }

    private static boolean failed(final JsonNode data, final String replica)
    {
        for (final JsonNode r : data.path("replicas"))
        {
            if (r.path("replica").asText().equals(replica))
            {
                return "FAILED".equals(r.path("state").asText());
            }
        }
        return false;
    }

    private static String uplot(final String file)
    {
        return UPLOT_DIR + uplotVersion() + "/dist/" + file;
    }

    /** The WebJar's version, from its Maven metadata on the class path (one uPlot WebJar is there). */
    static String uplotVersion()
    {
        try (InputStream in = ReportPage.class.getClassLoader().getResourceAsStream("META-INF/maven/org.webjars.npm/uplot/pom.properties"))
        {
            if (in == null)
            {
                throw new IllegalStateException("uPlot's WebJar is not on the class path (org.webjars.npm:uplot, a dependency of jdpl-tools)");
            }
            final java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static String resource(final String name)
    {
        try (InputStream in = ReportPage.class.getClassLoader().getResourceAsStream(name))
        {
            if (in == null)
            {
                throw new IllegalStateException(name + " is not on the class path: the tools jar is incomplete (rebuild with ./dpl)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** JSON inside a script element: nothing in it may close the element. */
    static String scriptSafe(final String json)
    {
        return json.replace("</", "<\\/").replace("<!--", "\\u003c!--");
    }

    static String esc(final String text)
    {
        return TopologySvg.escape(text);
    }
}
