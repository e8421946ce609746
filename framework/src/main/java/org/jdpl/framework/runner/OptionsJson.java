package org.jdpl.framework.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the options text of a Driver-made plan (a JSON object, Typesafe Config's concise rendering)
 * in plain JDK code. Values: {@code String}, {@link Number} (its text), {@code Boolean}, {@code List},
 * {@code Map}, and {@link #NULL}. Anything that is not strict JSON (HOCON, as in a hand-made plan)
 * reads as null, and the caller uses Typesafe Config instead.
 */
final class OptionsJson
{
    /** A JSON null (a map cannot hold Java null). */
    static final Object NULL = new Object();

    /** A JSON number, kept as written, so that each getter converts it as Typesafe Config would. */
    record Number(String text)
    {
    }

    private final String text;
    private int at;

    private OptionsJson(final String text)
    {
        this.text = text;
    }

    /** The object's members, or null when {@code text} is not one strict JSON object. */
    static Map<String, Object> parseObject(final String text)
    {
        if (text == null)
        {
            return null;
        }
        final OptionsJson parser = new OptionsJson(text);
        try
        {
            parser.skipSpace();
            if (parser.peek() != '{')
            {
                return null;
            }
            @SuppressWarnings("unchecked")
            final Map<String, Object> object = (Map<String, Object>)parser.value();
            parser.skipSpace();
            return parser.at == text.length() ? object : null;
        }
        catch (final IllegalArgumentException | IndexOutOfBoundsException notJson)
        {
            return null;
        }
    }

    private Object value()
    {
        skipSpace();
        final char c = peek();
        return switch (c)
        {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", NULL);
            default -> number();
        };
    }

    private Map<String, Object> object()
    {
        final Map<String, Object> members = new LinkedHashMap<>();
        at++;
        skipSpace();
        if (peek() == '}')
        {
            at++;
            return members;
        }
        while (true)
        {
            skipSpace();
            final String name = string();
            skipSpace();
            expect(':');
            members.put(name, value());
            skipSpace();
            if (peek() == '}')
            {
                at++;
                return members;
            }
            expect(',');
        }
    }

    private List<Object> array()
    {
        final List<Object> elements = new ArrayList<>();
        at++;
        skipSpace();
        if (peek() == ']')
        {
            at++;
            return elements;
        }
        while (true)
        {
            elements.add(value());
            skipSpace();
            if (peek() == ']')
            {
                at++;
                return elements;
            }
            expect(',');
        }
    }

    private String string()
    {
        expect('"');
        final StringBuilder out = new StringBuilder();
        while (true)
        {
            final char c = text.charAt(at++);
            if (c == '"')
            {
                return out.toString();
            }
            if (c != '\\')
            {
                out.append(c);
                continue;
            }
            final char escaped = text.charAt(at++);
            switch (escaped)
            {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' ->
                {
                    out.append((char)Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> throw new IllegalArgumentException("bad escape");
            }
        }
    }

    private Number number()
    {
        final int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0)
        {
            at++;
        }
        if (at == start)
        {
            throw new IllegalArgumentException("not a value");
        }
        return new Number(text.substring(start, at));
    }

    private Object literal(final String word, final Object value)
    {
        if (!text.startsWith(word, at))
        {
            throw new IllegalArgumentException("not a value");
        }
        at += word.length();
        return value;
    }

    private void expect(final char c)
    {
        if (peek() != c)
        {
            throw new IllegalArgumentException("expected " + c);
        }
        at++;
    }

    private char peek()
    {
        return text.charAt(at);
    }

    private void skipSpace()
    {
        while (at < text.length() && Character.isWhitespace(text.charAt(at)))
        {
            at++;
        }
    }
}
