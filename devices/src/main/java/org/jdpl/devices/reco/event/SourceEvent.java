package org.jdpl.devices.reco.event;

import java.util.Arrays;

/**
 * One event as a source produces it (read from TrackML files or simulated), in growable columns:
 * cells, hits (only for events without cells), the listed hit ids (every hit of the event, with or
 * without cells), truth per hit, and particles. Truth and particles may be absent (real data). Filled once, then
 * written into timeframe tables by {@link SourceTimeframeWriter}.
 */
public final class SourceEvent
{
    public final long eventId;

    public int cellCount;
    public long[] cellHitId = new long[64];
    public int[] cellModule = new int[64];
    public int[] cellCh0 = new int[64];
    public int[] cellCh1 = new int[64];
    public float[] cellValue = new float[64];

    public int hitCount;
    public long[] hitId = new long[64];
    public float[] hitXyz = new float[3 * 64];
    public int[] hitModule = new int[64];

    /** Every hit id of the event (the reader: its hits file); a source that lists none has all its hits in the truth. */
    public int listedHitCount;
    public long[] listedHitId = new long[64];

    public int truthCount;
    public long[] truthHitId = new long[64];
    public long[] truthParticleId = new long[64];
    public float[] truthWeight = new float[64];

    public int particleCount;
    public long[] particleId = new long[16];
    /** vx vy vz px py pz per particle. */
    public float[] particleKinematics = new float[6 * 16];
    public int[] particleCharge = new int[16];
    public int[] particleHits = new int[16];

    public SourceEvent(final long eventId)
    {
        this.eventId = eventId;
    }

    public void addCell(final long hit, final int module, final int ch0, final int ch1, final float value)
    {
        if (cellCount == cellHitId.length)
        {
            final int n = 2 * cellCount;
            cellHitId = Arrays.copyOf(cellHitId, n);
            cellModule = Arrays.copyOf(cellModule, n);
            cellCh0 = Arrays.copyOf(cellCh0, n);
            cellCh1 = Arrays.copyOf(cellCh1, n);
            cellValue = Arrays.copyOf(cellValue, n);
        }
        final int i = cellCount++;
        cellHitId[i] = hit;
        cellModule[i] = module;
        cellCh0[i] = ch0;
        cellCh1[i] = ch1;
        cellValue[i] = value;
    }

    public void addHit(final long hit, final float x, final float y, final float z, final int module)
    {
        if (hitCount == hitId.length)
        {
            final int n = 2 * hitCount;
            hitId = Arrays.copyOf(hitId, n);
            hitXyz = Arrays.copyOf(hitXyz, 3 * n);
            hitModule = Arrays.copyOf(hitModule, n);
        }
        final int i = hitCount++;
        hitId[i] = hit;
        hitXyz[3 * i] = x;
        hitXyz[3 * i + 1] = y;
        hitXyz[3 * i + 2] = z;
        hitModule[i] = module;
    }

    public void listHit(final long hit)
    {
        if (listedHitCount == listedHitId.length)
        {
            listedHitId = Arrays.copyOf(listedHitId, 2 * listedHitCount);
        }
        listedHitId[listedHitCount++] = hit;
    }

    public void addTruth(final long hit, final long particle, final float weight)
    {
        if (truthCount == truthHitId.length)
        {
            final int n = 2 * truthCount;
            truthHitId = Arrays.copyOf(truthHitId, n);
            truthParticleId = Arrays.copyOf(truthParticleId, n);
            truthWeight = Arrays.copyOf(truthWeight, n);
        }
        final int i = truthCount++;
        truthHitId[i] = hit;
        truthParticleId[i] = particle;
        truthWeight[i] = weight;
    }

    /** Adds a particle; {@code kinematics} is vx vy vz (mm) px py pz (GeV). */
    public int addParticle(final long particle, final double[] kinematics, final int charge, final int hits)
    {
        if (particleCount == particleId.length)
        {
            final int n = 2 * particleCount;
            particleId = Arrays.copyOf(particleId, n);
            particleKinematics = Arrays.copyOf(particleKinematics, 6 * n);
            particleCharge = Arrays.copyOf(particleCharge, n);
            particleHits = Arrays.copyOf(particleHits, n);
        }
        final int i = particleCount++;
        particleId[i] = particle;
        for (int k = 0; k < 6; k++)
        {
            particleKinematics[6 * i + k] = (float)kinematics[k];
        }
        particleCharge[i] = charge;
        particleHits[i] = hits;
        return i;
    }
}
