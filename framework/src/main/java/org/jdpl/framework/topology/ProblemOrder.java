package org.jdpl.framework.topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sorts problems the way a reader goes through the files: the topology files in the order given,
 * then other files (included ones) in order of first mention, each by line; {@code --set}
 * problems last, in the order given. Problems at one place keep the order they were found in.
 */
final class ProblemOrder
{
    private static final Pattern FILE_LINE = Pattern.compile("(.*):(\\d+)");

    private ProblemOrder()
    {
    }

    static List<Problem> sorted(final List<Problem> problems, final List<String> sources)
    {
        final List<String> files = new ArrayList<>(sources);
        for (final Problem problem : problems)
        {
            final String file = file(problem.location());
            if (!isSet(problem.location()) && !files.contains(file))
            {
                files.add(file);
            }
        }
        final List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.<Problem>comparingInt(p -> isSet(p.location()) ? Integer.MAX_VALUE : files.indexOf(file(p.location())))
            .thenComparingInt(p -> line(p.location())));
        return sorted;
    }

    private static boolean isSet(final String location)
    {
        return location.startsWith("--set ");
    }

    private static String file(final String location)
    {
        final Matcher m = FILE_LINE.matcher(location);
        return m.matches() ? m.group(1) : location;
    }

    private static int line(final String location)
    {
        final Matcher m = FILE_LINE.matcher(location);
        return m.matches() && !isSet(location) ? Integer.parseInt(m.group(2)) : 0;
    }
}
