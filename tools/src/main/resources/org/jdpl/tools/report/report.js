// Draws the report's charts from the data the page carries (#report-data) with uPlot, inlined above.
(function () {
  'use strict';
  const DATA = JSON.parse(document.getElementById('report-data').textContent);
  const SERIES = DATA.series;
  const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];
  const WIDTH = 360;
  const HEIGHT = 200;

  function safeId(text) {
    return text.replace(/[^A-Za-z0-9_-]/g, '_');
  }

  function container(parent, id, title) {
    const div = document.createElement('div');
    div.className = 'chart';
    div.id = id;
    div.dataset.title = title;
    parent.appendChild(div);
    return div;
  }

  /** A line chart over the run's time: lines is [{label, values, dash?, colour?}]. */
  function timeChart(parent, id, title, yLabel, lines, yRange) {
    const div = container(parent, id, title);
    const series = [{ label: 't [s]' }];
    const data = [SERIES.t];
    lines.forEach((line, i) => {
      series.push({ label: line.label, stroke: line.colour || PALETTE[i % PALETTE.length], width: 1.5, dash: line.dash, spanGaps: false });
      data.push(line.values);
    });
    const scales = { x: { time: false } };
    if (yRange) {
      scales.y = { range: yRange };
    }
    new uPlot({ title: title, width: WIDTH, height: HEIGHT, scales: scales, series: series, legend: { live: false },
      axes: [{ label: 'time since the first sample [s]' }, { label: yLabel }] }, data, div);
  }

  function perReplica(device, metric, suffix) {
    return Object.keys(device[metric]).map(label => ({ label: label + (suffix || ''), values: device[metric][label] }));
  }

  function drawDevices() {
    const root = document.getElementById('device-charts');
    if (SERIES.t.length === 0) {
      root.textContent = 'No samples were taken (the run ended, or its Driver died, before the first).';
      return;
    }
    SERIES.devices.forEach(device => {
      const block = document.createElement('div');
      block.className = 'device-block';
      block.id = 'device-' + safeId(device.name);
      const h = document.createElement('h3');
      h.textContent = device.name + ' (' + device.type + ')';
      block.appendChild(h);
      const charts = document.createElement('div');
      charts.className = 'charts';
      block.appendChild(charts);
      root.appendChild(block);
      const id = 'chart-' + safeId(device.name) + '-';
      timeChart(charts, id + 'throughput', device.name + ': throughput', 'timeslices / s', perReplica(device, 'throughput'));
      const latency = perReplica(device, 'p50', ' p50').concat(perReplica(device, 'p99', ' p99').map(l => Object.assign(l, { dash: [6, 4] })));
      timeChart(charts, id + 'latency', device.name + ': processing time p50 / p99', 'ms', latency);
      const load = perReplica(device, 'bp', ' back-pressure').concat(perReplica(device, 'cpu', ' cpu').map(l => Object.assign(l, { dash: [6, 4] })));
      timeChart(charts, id + 'load', device.name + ': back-pressure and CPU', '% (100 = one core)', load, [0, null]);
      timeChart(charts, id + 'rss', device.name + ': resident memory', 'MB', perReplica(device, 'rss'), [0, null]);
      if (device.usesGpu) {
        const gpu = perReplica(device, 'gpu');
        gpu.push({ label: '70 % (busy enough)', values: SERIES.t.map(() => 70), dash: [4, 4], colour: '#999' });
        timeChart(charts, id + 'gpu', device.name + ': GPU busy', '%', gpu, [0, 100]);
      }
    });
  }

  function drawInFlight() {
    const root = document.getElementById('inflight');
    if (SERIES.t.length > 0) {
      timeChart(root, 'chart-inflight', 'timeframes in flight', 'timeframes', [{ label: 'in flight', values: SERIES.inFlight }], [0, null]);
    }
  }

  function edges(h) {
    const xs = [];
    for (let i = 0; i < h.bins; i++) {
      xs.push(h.min + (h.max - h.min) * (i + 0.5) / h.bins);
    }
    return xs;
  }

  function histogramChart(parent, id, h) {
    const div = container(parent, id, h.title);
    const bars = uPlot.paths.bars ? uPlot.paths.bars({ size: [0.95, Infinity] }) : uPlot.paths.stepped({ align: 0 });
    const note = ' (' + h.entries + ' entries' + (h.underflow + h.overflow > 0 ? ', ' + (h.underflow + h.overflow) + ' outside' : '') +
      (h.mean !== undefined ? ', mean ' + h.mean.toPrecision(3) + ', rms ' + h.rms.toPrecision(3) : '') + ')';
    new uPlot({ title: h.title + note, width: WIDTH, height: HEIGHT, legend: { show: false }, scales: { x: { time: false, range: [h.min, h.max] }, y: { range: [0, null] } },
      series: [{ label: h.x }, { label: 'entries', stroke: '#1f77b4', fill: 'rgba(31,119,180,0.35)', paths: bars, points: { show: false } }],
      axes: [{ label: h.x }, { label: 'entries' }] }, [edges(h), h.counts], div);
  }

  function ratioChart(parent, id, r, byName) {
    const num = byName[r.numerator];
    const den = byName[r.denominator];
    if (!num || !den) {
      return;
    }
    const div = container(parent, id, r.title);
    const values = num.counts.map((n, i) => den.counts[i] > 0 ? n / den.counts[i] : null);
    new uPlot({ title: r.title, width: WIDTH, height: HEIGHT, legend: { show: false }, scales: { x: { time: false, range: [den.min, den.max] }, y: { range: [0, 1.05] } },
      series: [{ label: r.x }, { label: r.title, stroke: '#d62728', width: 1.5, points: { show: true, size: 6 } }],
      axes: [{ label: r.x }, { label: 'fraction' }] }, [edges(den), values], div);
  }

  function drawQc() {
    const root = document.getElementById('qc');
    if (DATA.qc.length === 0) {
      root.textContent = 'No QC device ran (add a trackml-qc device to the topology for physics histograms).';
      return;
    }
    DATA.qc.forEach(qc => {
      const h = document.createElement('h3');
      h.textContent = qc.device + ': ' + (qc.counts.events || 0) + ' events, ' + (qc.counts.tracks || 0) + ' tracks, merged from ' +
        qc.files + ' replica file(s)';
      root.appendChild(h);
      const charts = document.createElement('div');
      charts.className = 'charts';
      root.appendChild(charts);
      const byName = {};
      const inRatios = new Set();
      qc.histograms.forEach(x => { byName[x.name] = x; });
      qc.ratios.forEach(r => {
        inRatios.add(r.numerator);
        inRatios.add(r.denominator);
        ratioChart(charts, 'qc-' + safeId(qc.device) + '-' + safeId(r.name), r, byName);
      });
      qc.histograms.filter(x => !inRatios.has(x.name)).forEach(x => histogramChart(charts, 'qc-' + safeId(qc.device) + '-' + safeId(x.name), x));
    });
  }

  drawInFlight();
  drawDevices();
  drawQc();
  document.body.dataset.rendered = 'yes';
})();
