package org.jdpl.tools.view;

/**
 * The run a command chose because it was given no RUN ({@link RunLocator#pick}), and why.
 *
 * @param entry the run
 * @param why   why this one ("the only live run", "the most recent run; none is live")
 */
public record PickedRun(RunEntry entry, String why)
{
    /** The line that tells the user which run they are looking at, first thing. */
    public String notice()
    {
        return "run " + entry.id() + " (" + why + "; give RUN for another)";
    }
}
