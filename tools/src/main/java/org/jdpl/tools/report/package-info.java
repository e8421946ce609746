/**
 * {@code dpl report}: a run as one self-contained HTML page. {@link org.jdpl.tools.report.RunReport} gathers the run's
 * files (summary, time series, QC histograms, logs, journal), {@link org.jdpl.tools.report.ReportSeries} turns the
 * sampled counters into per-device series, {@link org.jdpl.tools.report.TopologySvg} draws the graph, and
 * {@link org.jdpl.tools.report.ReportPage} writes the page with uPlot (from its WebJar) and our script inlined.
 */
package org.jdpl.tools.report;
