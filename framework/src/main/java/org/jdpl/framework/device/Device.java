package org.jdpl.framework.device;

/**
 * One reconstruction step. The framework calls {@link #init} once, {@link #process} once per
 * complete timeslice (for a source, once per timeslice it produces), {@link #endOfStream} once
 * when every upstream producer has ended, and {@link #close} last, on every way out. All calls come
 * from one thread.
 */
public interface Device
{
    /** Allocate what the device keeps across timeslices. Options are read here. */
    default void init(final InitContext ctx) throws Exception
    {
    }

    /**
     * Process one complete timeslice: read {@code ctx.inputs()}, write {@code ctx.outputs()}.
     * A source (a device without inputs) produces the timeslice {@code ctx.timeslice()}; if it
     * makes no output in a call, no timeslice is consumed and it is called again later. A source
     * that is done calls {@code ctx.control().endOfStream()}.
     */
    void process(ProcessingContext ctx) throws Exception;

    /** Every upstream producer has ended; last outputs may still be written. */
    default void endOfStream(final EndOfStreamContext ctx) throws Exception
    {
    }

    /**
     * Free what {@link #init} took (GPU memory, files): called once, last, however the device ends
     * (end of stream, a stop or SIGTERM, a failure in any call, init included), so it must cope with
     * a device that did not finish its init. Nothing may be sent from here.
     */
    default void close() throws Exception
    {
    }
}
