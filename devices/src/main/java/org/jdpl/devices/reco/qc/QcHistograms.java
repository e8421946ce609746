package org.jdpl.devices.reco.qc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agrona.collections.Object2LongHashMap;

/**
 * The QC histograms of one device replica (or several merged), with the ratios drawn from pairs of them
 * (efficiency = found / all), and the counts they were made from. Written as JSON at the end of the stream:
 * {@code {"counts":{"events":N,"timeframes":M,"tracks":...},"histograms":[{name,title,x,bins,min,max,counts,underflow,overflow,
 * entries,mean,rms}],"ratios":[{name,title,x,numerator,denominator}]}}; {@link #read} takes it back, {@link #add} merges.
 */
public final class QcHistograms
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Histogram1D> histograms = new LinkedHashMap<>();
    private final List<Ratio> ratios = new ArrayList<>();
    /** Primitive values: counted per track, so no boxing. */
    private final Object2LongHashMap<String> counts = new Object2LongHashMap<>(0);

    /** A ratio of two histograms of the same binning, bin by bin (drawn as a rate; empty denominators are gaps). */
    public record Ratio(String name, String title, String xLabel, String numerator, String denominator)
    {
    }

    public Histogram1D add(final Histogram1D histogram)
    {
        if (histograms.putIfAbsent(histogram.name(), histogram) != null)
        {
            throw new IllegalArgumentException("histogram '" + histogram.name() + "' twice");
        }
        return histogram;
    }

    public void ratio(final Ratio ratio)
    {
        ratios.add(ratio);
    }

    public Histogram1D get(final String name)
    {
        return histograms.get(name);
    }

    public List<Histogram1D> histograms()
    {
        return List.copyOf(histograms.values());
    }

    public List<Ratio> ratios()
    {
        return List.copyOf(ratios);
    }

    /** Adds {@code n} to the count {@code name} (events, timeframes, tracks, ...). */
    public void count(final String name, final long n)
    {
        counts.put(name, counts.getValue(name) + n);
    }

    public long count(final String name)
    {
        return counts.getValue(name);
    }

    /** Adds {@code other}'s histograms and counts: another replica's, or another timeframe's. */
    public void add(final QcHistograms other)
    {
        for (final Histogram1D h : other.histograms.values())
        {
            final Histogram1D mine = histograms.get(h.name());
            if (mine == null)
            {
                histograms.put(h.name(), copyOf(h));
            }
            else
            {
                mine.add(h);
            }
        }
        for (final Ratio r : other.ratios)
        {
            if (ratios.stream().noneMatch(mine -> mine.name().equals(r.name())))
            {
                ratios.add(r);
            }
        }
        other.counts.forEach((name, n) -> count(name, n));
    }

    public ObjectNode toJson()
    {
        final ObjectNode root = JSON.createObjectNode();
        final ObjectNode c = root.putObject("counts");
        new TreeMap<>(counts).forEach(c::put); // in name order: the same file for the same counts
        final ArrayNode hs = root.putArray("histograms");
        for (final Histogram1D h : histograms.values())
        {
            final ObjectNode n = hs.addObject();
            n.put("name", h.name()).put("title", h.title()).put("x", h.xLabel());
            n.put("bins", h.binning().bins()).put("min", h.binning().min()).put("max", h.binning().max());
            final ArrayNode values = n.putArray("counts");
            for (final double v : h.counts())
            {
                values.add(v);
            }
            n.put("underflow", h.underflow()).put("overflow", h.overflow()).put("entries", h.entries());
            putFinite(n, "mean", h.mean());
            putFinite(n, "rms", h.rms());
            n.put("sum", h.sum()).put("sumSquares", h.sumSquares());
        }
        final ArrayNode rs = root.putArray("ratios");
        for (final Ratio r : ratios)
        {
            rs.addObject().put("name", r.name()).put("title", r.title()).put("x", r.xLabel())
                .put("numerator", r.numerator()).put("denominator", r.denominator());
        }
        return root;
    }

    public byte[] toJsonBytes()
    {
        try
        {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson());
        }
        catch (final com.fasterxml.jackson.core.JsonProcessingException ex)
        {
            throw new IllegalStateException(ex); // a tree of numbers and strings always writes
        }
    }

    /** What {@link #toJson} wrote; an IllegalArgumentException naming what is missing when it is not that. */
    public static QcHistograms read(final JsonNode root)
    {
        final QcHistograms qc = new QcHistograms();
        final JsonNode hs = root.path("histograms");
        if (!hs.isArray())
        {
            throw new IllegalArgumentException("no \"histograms\" array: not a QC histograms file");
        }
        for (final JsonNode n : hs)
        {
            final Binning binning = new Binning(n.path("bins").asInt(), n.path("min").asDouble(), n.path("max").asDouble());
            final double[] values = new double[binning.bins()];
            for (int i = 0; i < values.length; i++)
            {
                values[i] = n.path("counts").path(i).asDouble();
            }
            qc.add(Histogram1D.of(n.path("name").asText(), n.path("title").asText(), n.path("x").asText(), binning, values,
                n.path("underflow").asDouble(), n.path("overflow").asDouble(), n.path("entries").asLong(), n.path("sum").asDouble(),
                n.path("sumSquares").asDouble()));
        }
        for (final JsonNode r : root.path("ratios"))
        {
            qc.ratio(new Ratio(r.path("name").asText(), r.path("title").asText(), r.path("x").asText(), r.path("numerator").asText(),
                r.path("denominator").asText()));
        }
        root.path("counts").properties().forEach(e -> qc.count(e.getKey(), e.getValue().asLong()));
        return qc;
    }

    private static Histogram1D copyOf(final Histogram1D h)
    {
        final Histogram1D copy = new Histogram1D(h.name(), h.title(), h.xLabel(), h.binning());
        copy.add(h);
        return copy;
    }

    private static void putFinite(final ObjectNode n, final String field, final double value)
    {
        if (Double.isFinite(value))
        {
            n.put(field, value);
        }
    }
}
