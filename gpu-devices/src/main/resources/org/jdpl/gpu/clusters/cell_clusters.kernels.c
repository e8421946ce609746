/*
 * Connected-component labelling of the cells of each module, in the portable kernel dialect
 * (KERNEL, GLOBAL, GLOBAL_ID: see org.jdpl.gpu.KernelProgram). ClusterKernels holds the Java form
 * of every kernel here, for the CPU reference backend: change both together.
 *
 * Cells are sorted by (module, ch0, ch1). Two cells touch when they share a module and differ by
 * at most 1 in both ch0 and ch1. A cluster's label is the smallest cell index in it.
 */

KERNEL void init_labels(GLOBAL int* label, const int n)
{
    const int i = GLOBAL_ID;
    if (i < n)
    {
        label[i] = i;
    }
}

/*
 * One round of min-label propagation with pointer jumping. Labels only decrease and a label is
 * always a cell of the same cluster, so label[label[i]] <= label[i]; rounds repeat until none
 * changes, leaving every cell with its cluster's smallest index whatever the order of updates.
 */
KERNEL void propagate(GLOBAL const int* module, GLOBAL const int* ch0, GLOBAL const int* ch1,
                      GLOBAL int* label, GLOBAL int* changed, const int n)
{
    const int i = GLOBAL_ID;
    if (i >= n)
    {
        return;
    }
    const int m = module[i];
    const int r = ch0[i];
    const int c = ch1[i];
    int best = label[i];
    for (int j = i - 1; j >= 0 && module[j] == m && ch0[j] >= r - 1; j--)
    {
        if (abs(ch1[j] - c) <= 1)
        {
            best = min(best, label[j]);
        }
    }
    for (int j = i + 1; j < n && module[j] == m && ch0[j] <= r + 1; j++)
    {
        if (abs(ch1[j] - c) <= 1)
        {
            best = min(best, label[j]);
        }
    }
    best = label[best];
    if (best < label[i])
    {
        label[i] = best;
        changed[0] = 1;
    }
}

/*
 * Charge and charge-weighted mean (ch0, ch1) of each cluster, at its label's slot: three floats
 * per cell, zeros for cells that are not a label. Sums run in ascending cell order, the order the
 * CPU reference uses too. A cluster of zero charge takes its first cell's position.
 */
KERNEL void centroids(GLOBAL const int* module, GLOBAL const int* ch0, GLOBAL const int* ch1,
                      GLOBAL const float* value, GLOBAL const int* label, GLOBAL float* centroid, const int n)
{
    const int i = GLOBAL_ID;
    if (i >= n)
    {
        return;
    }
    float q = 0.0f;
    float x = 0.0f;
    float y = 0.0f;
    if (label[i] == i)
    {
        const int m = module[i];
        for (int j = i; j < n && module[j] == m; j++)
        {
            if (label[j] == i)
            {
                const float v = value[j];
                q += v;
                x += v * (float)ch0[j];
                y += v * (float)ch1[j];
            }
        }
        x = q > 0.0f ? x / q : (float)ch0[i];
        y = q > 0.0f ? y / q : (float)ch1[i];
    }
    centroid[3 * i] = q;
    centroid[3 * i + 1] = x;
    centroid[3 * i + 2] = y;
}
