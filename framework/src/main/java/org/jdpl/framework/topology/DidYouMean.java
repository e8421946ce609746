package org.jdpl.framework.topology;

import java.util.Collection;
import java.util.Locale;

/**
 * Suggests the known name closest to a misspelt one, by optimal-string-alignment distance (a
 * Damerau-Levenshtein that counts one swap of neighbours as one edit).
 */
final class DidYouMean
{
    private DidYouMean()
    {
    }

    /** The closest candidate within a distance proportional to its length, or null. */
    static String closest(final String wrong, final Collection<String> candidates)
    {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        final String w = wrong.toLowerCase(Locale.ROOT);
        for (final String candidate : candidates)
        {
            final int d = distance(w, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance && d <= tolerance(candidate))
            {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /**
     * A hint naming the closest candidate and listing them all:
     * {@code did you mean 'payload-bytes'? (options: a, b)}, or {@code options: a, b} when none is close.
     */
    static String hint(final String wrong, final Collection<String> candidates, final String kind)
    {
        final String all = kind + ": " + (candidates.isEmpty() ? "none" : String.join(", ", candidates));
        final String best = closest(wrong, candidates);
        return best == null ? all : "did you mean '" + best + "'? (" + all + ")";
    }

    static int distance(final String a, final String b)
    {
        final int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++)
        {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++)
        {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++)
        {
            for (int j = 1; j <= b.length(); j++)
            {
                final int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1))
                {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }

    private static int tolerance(final String candidate)
    {
        return Math.max(1, candidate.length() / 3);
    }
}
