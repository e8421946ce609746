package org.jdpl.framework.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecParserTest
{
    @Test
    void shouldParseAnInputWithWildcardsAndLifetime()
    {
        final InputSpec input = SpecParser.parseInput("clusters:TRK/*?lifetime=condition");
        assertEquals("clusters", input.label());
        assertEquals("TRK", input.matcher().origin());
        assertNull(input.matcher().description());
        assertEquals(DataMatcher.ANY_SUBSPEC, input.matcher().subSpec());
        assertEquals(Lifetime.CONDITION, input.lifetime());
        assertEquals("clusters:TRK/*?lifetime=condition", input.toString());
    }

    @Test
    void shouldParseATimerWithItsPeriodAndTicksAndWriteItBack()
    {
        final InputSpec timer = SpecParser.parseInput("tick:TMR/TICK/0?lifetime=timer&period=250ms&ticks=8");
        assertEquals(Lifetime.TIMER, timer.lifetime());
        assertEquals(new TimerSpec(250_000_000L, 8), timer.timer());
        assertEquals("tick:TMR/TICK/0?lifetime=timer&period=250ms&ticks=8", timer.toString());
        assertEquals(new TimerSpec(2_000_000_000L, 0), SpecParser.parseInput("t:TMR/TICK/0?period=2s&lifetime=timer").timer());
        assertNull(SpecParser.parseInput("in:TST/DATA/0?lifetime=optional").timer());
        assertEquals(InputSpec.parse(timer.toString()), timer);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "t:TMR/TICK/0?lifetime=timer                    | 27 | needs its period",
        "t:TMR/TICK/0?lifetime=timer&period=soon        | 35 | bad period 'soon'",
        "t:TMR/TICK/0?lifetime=timer&period=0ms         | 35 | shorter than 1ms",
        "t:TMR/TICK/0?lifetime=timer&period=1ms&ticks=x | 45 | bad ticks 'x'",
        "t:TST/DATA/0?period=1ms                        | 13 | 'period' belongs to a timer input",
        "t:TST/DATA/0?lifetime=condition&ticks=3        | 32 | 'ticks' belongs to a timer input",
        "t:TST/DATA/0?every=3                           | 13 | unknown parameter 'every'",
    })
    void shouldRejectABadTimerSpecPointingAtTheParameter(final String text, final int position, final String reason)
    {
        final SpecSyntaxException e = assertThrows(SpecSyntaxException.class, () -> SpecParser.parseInput(text));
        assertEquals(position, e.position(), e.getMessage());
        assertTrue(e.reason().contains(reason), e.getMessage());
    }

    @Test
    void shouldRejectTimerParametersOnAnOutput()
    {
        final SpecSyntaxException e = assertThrows(SpecSyntaxException.class, () -> SpecParser.parseOutput("o:TST/DATA/0?period=1s"));
        assertTrue(e.reason().contains("an output has only 'lifetime'"), e.getMessage());
    }

    @Test
    void shouldParseAConcreteOutputAndDefaultItsSubSpecToZero()
    {
        final OutputSpec output = SpecParser.parseOutput("out:TST/COUNTER");
        assertEquals(new DataSpec("TST", "COUNTER", 0), output.spec());
        assertEquals(Lifetime.TIMEFRAME, output.lifetime());
        assertEquals(new DataSpec("TRK", "CLUSTERS", 4294967295L), SpecParser.parseOutput("c:TRK/CLUSTERS/4294967295").spec());
    }

    @Test
    void shouldMatchOnlyTheFixedParts()
    {
        final DataMatcher matcher = DataMatcher.parse("TRK/CLUSTERS");
        assertTrue(matcher.matches(DataSpec.parse("TRK/CLUSTERS/7")));
        assertTrue(!matcher.matches(DataSpec.parse("TRK/TRACKS/7")));
        assertTrue(DataMatcher.parse("*/*").matches(DataSpec.parse("ITS/X/1")));
        assertTrue(DataMatcher.parse("TRK/CLUSTERS/0").isConcrete());
        assertTrue(!matcher.isConcrete());
    }

    @Test
    void shouldPointAtThe17thDescriptionCharacterOfATooLongDescription()
    {
        final SpecSyntaxException e = assertThrows(SpecSyntaxException.class, () -> SpecParser.parseInput("in:TRK/CLUSTERSXXXXXXXXXXXX/0"));
        // "in:TRK/" is 7 characters; the 17th description character is at index 7 + 16.
        assertEquals(23, e.position());
        assertEquals("in:TRK/CLUSTERSXXXXXXXXXXXX/0".charAt(23), 'X');
        assertTrue(e.getMessage().contains("at character 24"), e.getMessage());
        assertEquals("in:TRK/CLUSTERSXXXXXXXXXXXX/0\n" + " ".repeat(23) + "^", e.pointer());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "in:trk/X                      | 3  | expected the origin",
        "in:TRKS1/X                    | 7  | origin longer than 4",
        "in                            | 2  | no ':' found",
        ":TRK/X                        | 0  | empty label",
        "1in:TRK/X                     | 0  | a label starts with a letter",
        "in:TRK                        | 6  | expected '/' after the origin",
        "in:TRK/                       | 7  | expected the description",
        "in:TRK/X/                     | 9  | expected the subSpec",
        "in:TRK/X/4294967296           | 18 | subSpec larger than 4294967295",
        "in:TRK/X/1x                   | 10 | unexpected 'x' after the spec",
        "in:TRK/X?life=optional        | 9  | unknown parameter 'life'",
        "in:TRK/X?lifetime=often       | 18 | unknown lifetime 'often'",
        "in:TRK/X?lifetime             | 17 | expected '=' after 'lifetime'",
    })
    void shouldPointAtTheBadCharacterOfAnInput(final String text, final int position, final String reason)
    {
        final SpecSyntaxException e = assertThrows(SpecSyntaxException.class, () -> SpecParser.parseInput(text));
        assertEquals(position, e.position(), e::getMessage);
        assertTrue(e.reason().contains(reason), e::getMessage);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "out:TST/*/0        | 8 | an output needs a concrete description",
        "out:*/X/0          | 4 | an output needs a concrete origin",
        "out:TST/X/*        | 10 | an output needs a concrete subSpec",
    })
    void shouldRejectWildcardsInOutputs(final String text, final int position, final String reason)
    {
        final SpecSyntaxException e = assertThrows(SpecSyntaxException.class, () -> SpecParser.parseOutput(text));
        assertEquals(position, e.position(), e::getMessage);
        assertTrue(e.reason().contains(reason), e::getMessage);
    }

    @Test
    void shouldRejectMalformedRecordsAtConstruction()
    {
        assertThrows(IllegalArgumentException.class, () -> new DataSpec("toolong", "X", 0));
        assertThrows(IllegalArgumentException.class, () -> new DataSpec("TST", "x", 0));
        assertThrows(IllegalArgumentException.class, () -> new DataSpec("TST", "X", -1));
        assertThrows(IllegalArgumentException.class, () -> new InputSpec("bad label", DataMatcher.parse("TST/X"), Lifetime.TIMEFRAME));
    }
}
