package org.jdpl.tools.top;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TopRendererTest
{
    @Test
    void shouldMarkTheSeventyPercentLineOnTheGpuBar()
    {
        assertEquals("[###    |  ] 30%", TopRenderer.gpuBar(30));
        assertEquals("[#######|##] 95%", TopRenderer.gpuBar(95));
        assertEquals("-", TopRenderer.gpuBar(-1));
    }
}
