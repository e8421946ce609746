package org.jdpl.framework.device;

/** What an {@link InputPort} and an {@link OutputPort} are: a declared label, and its place in the declaration. */
abstract sealed class Port permits InputPort, OutputPort
{
    private final String label;
    private final String declared;
    private final int index;

    Port(final String label, final String declared, final int index)
    {
        this.label = label;
        this.declared = declared;
        this.index = index;
    }

    public final String label()
    {
        return label;
    }

    /** As declared: {@code label:spec}. */
    final String declared()
    {
        return declared;
    }

    /** Its place among the spec's declared inputs, or outputs. */
    final int index()
    {
        return index;
    }

    @Override
    public final String toString()
    {
        return declared;
    }
}
