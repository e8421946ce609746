package org.jdpl.framework.device;

/** The inputs of one timeslice, by label. */
public interface Inputs
{
    /** The input bound to {@code label}; fails with a clear message when absent or unknown. */
    Input get(String label);

    /** Whether {@code label} has a message in this timeslice (optional inputs may not). */
    boolean isPresent(String label);

    /**
     * The input at {@code position} among this device's inputs ({@link DeviceInfo#inputSpecs()}):
     * the label looked up once, at init ({@link DeviceInfo#inputPosition}), instead of per call.
     */
    Input get(int position);

    /** Whether the input at {@code position} has a message in this timeslice. */
    boolean isPresent(int position);

    /** How many inputs are present. */
    int count();

    /** The i-th present input, 0 <= i < count(). */
    Input at(int index);
}
