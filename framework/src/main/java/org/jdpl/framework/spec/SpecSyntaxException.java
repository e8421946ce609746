package org.jdpl.framework.spec;

/**
 * A spec string that does not parse. The message names the text, the 0-based position of the bad
 * character, and what was expected there; {@link #pointer()} draws a caret under it.
 */
public final class SpecSyntaxException extends IllegalArgumentException
{
    private final String text;
    private final int position;
    private final String reason;

    public SpecSyntaxException(final String text, final int position, final String reason)
    {
        super("bad spec '" + text + "' at character " + (position + 1) + ": " + reason);
        this.text = text;
        this.position = position;
        this.reason = reason;
    }

    public String text()
    {
        return text;
    }

    /** 0-based index of the offending character (may equal the length: "ended too early"). */
    public int position()
    {
        return position;
    }

    public String reason()
    {
        return reason;
    }

    /** Two lines: the text, and a caret under the offending character. */
    public String pointer()
    {
        return text + "\n" + " ".repeat(Math.max(0, position)) + "^";
    }
}
