package org.jdpl.framework.device;

/**
 * What a {@link DeviceSpec}'s init returns: called once per complete timeslice (a source: once per
 * timeslice it may produce), with the same reused {@link Timeslice} every time. Also the shape of
 * an end-of-stream callback ({@link Setup#onEndOfStream}).
 */
@FunctionalInterface
public interface ProcessFunction
{
    void process(Timeslice ts) throws Exception;
}
