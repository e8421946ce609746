package org.jdpl.framework.topology;

/**
 * One thing wrong with a topology, said to the user in one line:
 * {@code topo.conf:7: device 'sink': unknown option 'payload-byte'; did you mean 'payload-bytes'?}.
 *
 * @param location where: {@code file.conf:LINE}, a file name, or {@code --set 'k=v'}
 * @param message  what is wrong
 * @param hint     what to do about it; empty when the message says it all
 */
public record Problem(String location, String message, String hint)
{
    public Problem
    {
        // One line each, whatever a library put into a message.
        location = location == null ? "" : location;
        message = message == null ? "" : message.replace('\n', ' ');
        hint = hint == null ? "" : hint.replace('\n', ' ');
    }

    @Override
    public String toString()
    {
        final String where = location.isEmpty() ? "" : location + ": ";
        return hint.isEmpty() ? where + message : where + message + "; " + hint;
    }
}
