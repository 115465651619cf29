// The Monitoring page: pick hardware, a VM or a process and a time range; line charts of its
// metrics and the summary figures, refreshed every 10 s while the page is open.

import { ensureAccess, getJson } from './api.js';
import { createChart, drawTimeSeries } from './charts.js';
import {
    clearErrors, el, fillForm, formValues, formatNumber, humanise, keepInUrl, queryValues,
    setOptions, setStatus, showError, withProgress, markReady,
} from './ui.js';

const REFRESH_MS = 10_000;
const MAX_POINTS = 5000;

const RANGES_MS = {
    '15m': 15 * 60_000,
    '1h': 3600_000,
    '6h': 6 * 3600_000,
    '24h': 24 * 3600_000,
    '7d': 7 * 24 * 3600_000,
    '30d': 30 * 24 * 3600_000,
};

/** What each kind of source is read from, and how its metrics are charted and summed up. */
const SOURCES = {
    hardware: {
        listPath: '/api/monitoring/metrics',
        summaryPath: '/api/monitoring/metrics-summary',
        rowsOf: (answer) => answer.metrics || [],
        filters: (values) => ({ hardware_id: values.hardware_id }),
        groupOf: (row) => `hardware ${row.hardware_id}`,
        charts: [
            { title: 'Utilisation', yName: '%', lines: [['CPU', 'cpu_usage_percent'],
                ['GPU', 'gpu_usage_percent'], ['Memory', 'memory_usage_percent'],
                ['Disk', 'disk_usage_percent']] },
            { title: 'Temperatures', yName: '°C', lines: [['CPU', 'temperature_cpu'],
                ['GPU', 'temperature_gpu']] },
            { title: 'Power', yName: 'W', lines: [['Power', 'power_consumption_watts']] },
            { title: 'Network', yName: 'Mbps', lines: [['Network', 'network_usage_mbps']] },
        ],
    },
    vm: {
        listPath: '/api/vm-metrics',
        summaryPath: '/api/vm-metrics/summary',
        rowsOf: (answer) => answer.data || [],
        filters: (values) => ({ vm_name: values.vm_name }),
        groupOf: (row) => row.vm_name,
        labels: { avg_memory_usage: 'Average memory (MB)' },
        charts: [
            { title: 'CPU', yName: '%', lines: [['CPU', 'cpu_usage']] },
            { title: 'Memory', yName: 'MB', lines: [['Average memory', 'average_memory_usage']] },
        ],
    },
    process: {
        listPath: '/api/host-process-metrics',
        summaryPath: '/api/host-process-metrics/summary',
        rowsOf: (answer) => answer.data || [],
        filters: (values) => ({ process_name: values.process_name, username: values.username }),
        groupOf: (row) => `${row.process_name} (pid ${row.process_id})`,
        charts: [
            { title: 'Utilisation', yName: '%', lines: [['CPU', 'cpu_usage_percent'],
                ['GPU', 'gpu_utilization_percent']] },
            { title: 'Memory', yName: 'MB', lines: [['Memory', 'memory_usage_mb'],
                ['GPU memory', 'gpu_memory_usage_mb']] },
        ],
    },
};

const FIGURE_LABELS = {
    total_records: 'Samples',
    avg_cpu_usage: 'Average CPU (%)',
    avg_gpu_usage: 'Average GPU (%)',
    avg_memory_usage: 'Average memory (%)',
    max_cpu_usage: 'Peak CPU (%)',
    max_gpu_usage: 'Peak GPU (%)',
    max_memory_usage: 'Peak memory (%)',
    earliest_timestamp: 'First sample',
    latest_timestamp: 'Last sample',
    vm_names: 'Virtual machines',
    process_names: 'Processes',
    usernames: 'Users',
    avg_cpu_usage_percent: 'Average CPU (%)',
    avg_memory_usage_mb: 'Average memory (MB)',
    avg_gpu_memory_usage_mb: 'Average GPU memory (MB)',
    avg_gpu_utilization_percent: 'Average GPU (%)',
};

const form = document.getElementById('monitoring-form');
const summaryList = document.getElementById('summary');
const summaryStatus = document.getElementById('summary-status');
const chartsGrid = document.getElementById('charts');
const chartsStatus = document.getElementById('charts-status');
const lastUpdated = document.getElementById('last-updated');
const charts = [];
let refreshing = false;
let ready = false;

start();

async function start() {
    const saved = queryValues();
    const saveState = keepInUrl([form], () => formValues(form));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        refresh();
    });
    form.elements.source.addEventListener('change', async () => {
        showControlsFor();
        await loadChoicesShowingErrors();
        refresh();
    });
    for (const name of ['hardware_id', 'vm_name', 'process_name', 'username', 'range']) {
        form.elements[name].addEventListener('change', () => {
            showControlsFor();
            refresh();
        });
    }
    try {
        await ensureAccess();
        fillForm(form, saved);
        showControlsFor();
        await loadChoicesShowingErrors();
        fillForm(form, saved);
        showControlsFor();
        saveState();
        ready = true;
        await refresh();
    } catch (error) {
        showError(form, error);
    } finally {
        markReady();
    }
    window.setInterval(autoRefresh, REFRESH_MS);
}

function source() {
    return SOURCES[form.elements.source.value] || SOURCES.hardware;
}

/** Shows only the controls of the chosen source, and the dates of a custom range. */
function showControlsFor() {
    const kind = form.elements.source.value;
    for (const field of form.querySelectorAll('[data-source]')) {
        field.hidden = field.dataset.source !== kind;
    }
    const custom = form.elements.range.value === 'custom';
    for (const field of form.querySelectorAll('[data-range]')) {
        field.hidden = !custom;
    }
}

async function loadChoicesShowingErrors() {
    try {
        await loadChoices();
    } catch (error) {
        showError(form, error);
    }
}

async function loadChoices() {
    const kind = form.elements.source.value;
    if (kind === 'hardware') {
        await loadHardwareChoices();
    } else if (kind === 'vm') {
        const answer = await getJson('/api/vm-metrics/summary');
        setOptions(form.elements.vm_name, answer.summary?.vm_names || [], 'Every VM');
    } else {
        const answer = await getJson('/api/host-process-metrics/summary');
        setOptions(form.elements.process_name, answer.summary?.process_names || [],
            'Every process');
        setOptions(form.elements.username, answer.summary?.usernames || [], 'Every user');
    }
}

/** The catalog's hardware, the most recently monitored one chosen when none is. */
async function loadHardwareChoices() {
    const select = form.elements.hardware_id;
    const [catalog, newest] = await Promise.all([
        getJson('/api/hardware/'),
        getJson('/api/monitoring/metrics', { limit: 1 }),
    ]);
    setOptions(select, (catalog.hardware || []).map((hardware) =>
        [String(hardware.id), `${hardware.name} (id ${hardware.id})`]), 'Every hardware');
    const latest = (newest.metrics || [])[0];
    if (!select.value && latest) {
        select.value = String(latest.hardware_id);
    }
}

function timeWindow(values) {
    if (values.range === 'custom') {
        return { start_time: isoOrEmpty(values.start), end_time: isoOrEmpty(values.end) };
    }
    const now = Date.now();
    const span = RANGES_MS[values.range] || RANGES_MS['1h'];
    return { start_time: new Date(now - span).toISOString(), end_time: new Date(now).toISOString() };
}

function isoOrEmpty(localDateTime) {
    return localDateTime ? new Date(localDateTime).toISOString() : '';
}

function autoRefresh() {
    if (ready && form.elements.auto_refresh.checked && document.visibilityState === 'visible') {
        refresh();
    }
}

/** Reads the samples and the summary of the chosen source and range, and redraws. */
async function refresh() {
    if (refreshing) {
        return;
    }
    refreshing = true;
    clearErrors(form);
    const values = formValues(form);
    const current = source();
    const filters = { ...current.filters(values), ...timeWindow(values) };
    try {
        const [list, summary] = await withProgress(form, document.getElementById('charts-section'),
            () => Promise.all([
                getJson(current.listPath, { ...filters, limit: MAX_POINTS }),
                getJson(current.summaryPath, filters),
            ]), 'Loading metrics…');
        const rows = current.rowsOf(list);
        drawCharts(current, rows, Boolean(list.next_cursor), filters);
        showSummary(summary.summary || {}, current.labels || {});
        setStatus(lastUpdated, `Last updated ${new Date().toLocaleTimeString()}`);
    } catch (error) {
        showError(form, error);
        setStatus(lastUpdated, `Update failed at ${new Date().toLocaleTimeString()}`);
    } finally {
        refreshing = false;
    }
}

// ---- charts -------------------------------------------------------------------------------

function drawCharts(current, rows, truncated, filters) {
    const fromMs = filters.start_time ? Date.parse(filters.start_time) : undefined;
    const toMs = filters.end_time ? Date.parse(filters.end_time) : undefined;
    const ordered = [...rows].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
    const groups = groupBy(ordered, current.groupOf);
    setStatus(chartsStatus, rows.length === 0
        ? 'No samples in this range.'
        : `${rows.length} samples${truncated ? ` (the latest ${MAX_POINTS} of the range)` : ''}.`);
    chartSlots(current.charts.length);
    current.charts.forEach((definition, index) => {
        const series = seriesOf(definition, groups);
        drawTimeSeries(charts[index], {
            title: definition.title, yName: definition.yName, series, fromMs, toMs,
        });
        const container = chartsGrid.children[index];
        container.dataset.series = series.length;
        container.setAttribute('aria-label', `${definition.title} over time: `
            + `${series.map((line) => line.name).join(', ') || 'no samples'}`);
    });
}

/** Keeps as many chart containers as the source has charts. */
function chartSlots(count) {
    while (charts.length > count) {
        charts.pop().dispose();
        chartsGrid.lastElementChild.remove();
    }
    while (charts.length < count) {
        const container = el('div', {
            className: 'chart small',
            attrs: { role: 'img', 'aria-label': 'Line chart of metrics over time' },
        });
        chartsGrid.append(container);
        charts.push(createChart(container));
    }
}

function groupBy(rows, keyOf) {
    const groups = new Map();
    for (const row of rows) {
        const key = keyOf(row);
        if (!groups.has(key)) {
            groups.set(key, []);
        }
        groups.get(key).push(row);
    }
    return groups;
}

function seriesOf(definition, groups) {
    const several = groups.size > 1;
    const series = [];
    for (const [group, rows] of groups) {
        for (const [label, key] of definition.lines) {
            const points = rows.filter((row) => typeof row[key] === 'number')
                .map((row) => [Date.parse(row.timestamp), row[key]]);
            if (points.length > 0) {
                series.push({ name: several ? `${label} · ${group}` : label, points });
            }
        }
    }
    return series;
}

// ---- summary ------------------------------------------------------------------------------

function showSummary(summary, labels) {
    const entries = Object.entries(summary);
    setStatus(summaryStatus, entries.length === 0 ? 'No summary for this range.' : '');
    summaryList.replaceChildren(...entries.map(([key, value]) =>
        el('div', { className: /timestamp/.test(key) ? 'figure time' : 'figure',
            attrs: { 'data-key': key } },
            el('dt', { text: labels[key] || FIGURE_LABELS[key] || humanise(key) }),
            el('dd', { text: figureText(key, value) }))));
}

function figureText(key, value) {
    if (value === null || value === undefined) {
        return '\u2014';
    }
    if (Array.isArray(value)) {
        return value.length === 0 ? '\u2014' : value.join(', ');
    }
    if (/timestamp/.test(key)) {
        return new Date(value).toLocaleString();
    }
    return typeof value === 'number' ? formatNumber(value) : String(value);
}
