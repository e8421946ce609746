package org.jdpl.framework.testing;

import java.util.List;

/** What one device call sent, in the order made. */
public record Sent(List<Message> messages)
{
    public Sent
    {
        messages = List.copyOf(messages);
    }

    public boolean isEmpty()
    {
        return messages.isEmpty();
    }

    public int size()
    {
        return messages.size();
    }

    /** The one message on {@code label}; an AssertionError when there is none or more than one. */
    public Message only(final String label)
    {
        final List<Message> on = messages.stream().filter(m -> m.label().equals(label)).toList();
        if (on.size() != 1)
        {
            throw new AssertionError("expected one message on '" + label + "', got " + on.size() + " (sent: " + messages + ")");
        }
        return on.get(0);
    }
}
