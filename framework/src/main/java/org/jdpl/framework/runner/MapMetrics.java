package org.jdpl.framework.runner;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jdpl.framework.device.Metrics;

/** A device's metrics: one mutable cell per name, so setting a known name allocates nothing. */
final class MapMetrics implements Metrics
{
    private static final class Cell
    {
        private double value;
    }

    private final Map<String, Cell> cells = new LinkedHashMap<>();

    @Override
    public void set(final String name, final double value)
    {
        cell(name).value = value;
    }

    @Override
    public void add(final String name, final double delta)
    {
        cell(name).value += delta;
    }

    @Override
    public double get(final String name)
    {
        final Cell cell = cells.get(name);
        return cell == null ? 0.0 : cell.value;
    }

    /** A copy for the report, in the order names were first set. */
    Map<String, Double> snapshot()
    {
        final Map<String, Double> copy = new LinkedHashMap<>();
        for (final Map.Entry<String, Cell> entry : cells.entrySet())
        {
            copy.put(entry.getKey(), entry.getValue().value);
        }
        return copy;
    }

    private Cell cell(final String name)
    {
        Cell cell = cells.get(name);
        if (cell == null)
        {
            cell = new Cell();
            cells.put(name, cell);
        }
        return cell;
    }
}
