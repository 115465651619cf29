// Charts drawn with ECharts (served as a webjar): a chart that follows its container's size,
// time-series line charts and the latency-cost scatter of the simulate page.

import * as echarts from '/webjars/echarts/dist/echarts.esm.min.js';

const PALETTE = ['#1f5fbf', '#d9480f', '#2b8a3e', '#862e9c', '#e67700', '#0b7285'];

/** An ECharts instance on element that resizes with it. */
export function createChart(element) {
    const chart = echarts.init(element, null, { renderer: 'canvas' });
    new ResizeObserver(() => chart.resize()).observe(element);
    return chart;
}

/**
 * Line charts over time. series: [{name, points: [[timeMs, value], ...]}]; yName names the
 * axis with its unit; fromMs and toMs, when given, span the time axis over the whole range.
 */
export function drawTimeSeries(chart, { title, yName, series, fromMs, toMs }) {
    chart.setOption({
        // Redrawn at every refresh: animating each redraw would make the lines flicker.
        animation: false,
        color: PALETTE,
        title: { text: title, left: 0, textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: { top: 0, right: 0 },
        grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
        xAxis: { type: 'time', min: fromMs ?? 'dataMin', max: toMs ?? 'dataMax' },
        yAxis: { type: 'value', name: yName, nameTextStyle: { align: 'left' } },
        series: series.map((line) => ({
            name: line.name,
            type: 'line',
            showSymbol: line.points.length < 60,
            data: line.points,
        })),
        aria: { enabled: true },
    }, true);
}

/**
 * Latency against cost, one point per configuration. points: [{name, latencyMs, cost,
 * highlighted}]. Points without a cost (no known price) are left out.
 */
export function drawLatencyCost(chart, points) {
    const priced = points.filter((point) => Number.isFinite(point.cost)
        && Number.isFinite(point.latencyMs));
    const toDatum = (point) => ({ name: point.name, value: [point.latencyMs, point.cost] });
    chart.setOption({
        color: PALETTE,
        tooltip: {
            trigger: 'item',
            formatter: (item) => `${item.name}<br>latency ${item.value[0].toPrecision(4)} ms`
                + `<br>cost ${item.value[1].toPrecision(3)} USD per 1000`,
        },
        legend: { top: 0, right: 0 },
        grid: { left: 24, right: 24, top: 40, bottom: 28, containLabel: true },
        xAxis: {
            type: 'log', name: 'Latency (ms, log scale)', nameLocation: 'middle', nameGap: 26,
        },
        yAxis: {
            type: 'log', name: 'Cost per 1000 requests (USD, log scale)',
            nameLocation: 'middle', nameGap: 52,
        },
        series: [
            {
                name: 'Shown in table', type: 'scatter', symbolSize: 12,
                data: priced.filter((point) => point.highlighted).map(toDatum),
                label: { show: true, position: 'right', formatter: '{b}', fontSize: 11 },
                labelLayout: { hideOverlap: true },
            },
            {
                name: 'Other configurations', type: 'scatter', symbolSize: 8,
                data: priced.filter((point) => !point.highlighted).map(toDatum),
                itemStyle: { color: '#9aa5b5' },
            },
        ],
        aria: { enabled: true },
    }, true);
    return priced.length;
}
