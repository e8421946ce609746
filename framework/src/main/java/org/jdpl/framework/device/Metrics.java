package org.jdpl.framework.device;

/**
 * Named numbers a device publishes ({@code received}, {@code score}); they reach the counters and
 * the run summary as {@code <device>.<name>}. Setting a metric does not allocate after the first time.
 */
public interface Metrics
{
    void set(String name, double value);

    void add(String name, double delta);

    double get(String name);
}
