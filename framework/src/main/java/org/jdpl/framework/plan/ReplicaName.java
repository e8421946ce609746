package org.jdpl.framework.plan;

/** One replica of a device, written {@code name#replica} wherever a run names it (summaries, journals, host commands). */
public record ReplicaName(String device, int replica)
{
    /** The replica {@code text} names, or null when it is not {@code name#replica}. */
    public static ReplicaName parse(final String text)
    {
        final int hash = text.lastIndexOf('#');
        if (hash <= 0 || !text.substring(hash + 1).matches("\\d{1,6}"))
        {
            return null;
        }
        return new ReplicaName(text.substring(0, hash), Integer.parseInt(text.substring(hash + 1)));
    }

    @Override
    public String toString()
    {
        return device + "#" + replica;
    }
}
