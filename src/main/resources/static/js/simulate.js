// The Simulate page (home): model type and task type from the catalog fill the model form via
// get-model-data; Simulate calls simulate-performance and shows the ranked table, the
// latency-cost chart of every configuration, and a breakdown per row.

import { ensureAccess, getJson, postJson } from './api.js';
import { createChart, drawLatencyCost } from './charts.js';
import {
    clearErrors, distinct, el, fillForm, formBody, formValues, formatNumber, humanise,
    keepInUrl, keyValues, queryValues, renderValue, setOptions, setStatus, showError,
    markReady, withProgress,
} from './ui.js';

/** The simulate request's keys (api-spec.md) and the catalog fields that fill them. */
const MODEL_FIELDS = {
    Model: 'model_name',
    Framework: 'framework',
    Architecture_type: 'architecture_type',
    Total_Parameters_Millions: 'total_parameters_millions',
    Model_Size_MB: 'model_size_mb',
    Number_of_hidden_Layers: 'number_of_hidden_layers',
    Number_of_Attention_Layers: 'number_of_attention_layers',
    Vocabulary_Size: 'vocabulary_size',
    Activation_Function: 'activation_function',
    FLOPs: 'gflops_per_sample',
    Precision: 'precision',
    Input_Tokens: 'default_sequence_length',
};

/** Controls that choose what to send rather than being sent as they are. */
const SELECTION_FIELDS = ['model_type', 'task_type', 'model_name', 'rows'];

/** Asked for with a large Top_K so that the chart shows every configuration. */
const ALL_CONFIGURATIONS = 100;

/** Result fields shown as columns, so left out of a row's "other figures". */
const COLUMN_FIELDS = ['hardware_id', 'hardware', 'full_name', 'latency_ms', 'throughput_qps',
    'cost_per_1000', 'memory_gb', 'breakdown', 'bottleneck'];

const form = document.getElementById('simulate-form');
const results = document.getElementById('results');
const table = document.getElementById('results-table');
const resultStatus = document.getElementById('result-status');
const chartSection = document.getElementById('chart-section');
let latencyCostChart = null;
let saveState = () => {};

start();

async function start() {
    const saved = queryValues();
    saveState = keepInUrl([form], () => formValues(form));
    form.elements.model_type.addEventListener('change', () => loadModel(''));
    form.elements.task_type.addEventListener('change', () => loadModel(selectedModelName()));
    form.elements.model_name.addEventListener('change', () => loadModel(selectedModelName()));
    form.addEventListener('submit', simulate);
    try {
        await ensureAccess();
        await loadCatalogChoices();
        fillForm(form, { model_type: saved.model_type, task_type: saved.task_type });
        if (form.elements.model_type.value) {
            await loadModel(saved.model_name || '');
        }
        fillForm(form, saved);
        saveState();
    } catch (error) {
        showError(form, error);
    } finally {
        markReady();
    }
}

async function loadCatalogChoices() {
    const catalog = await getJson('/api/model/');
    const models = catalog.models || [];
    const typeOptions = distinct(models.map((model) => model.model_type)).map((type) => {
        const names = distinct(models.filter((model) => model.model_type === type)
            .map((model) => model.model_name));
        return [type, `${type} (${names.join(', ')})`];
    });
    setOptions(form.elements.model_type, typeOptions, 'Choose a model type');
    const tasks = distinct(models.map((model) => model.task_type));
    setOptions(form.elements.task_type, tasks);
    if (tasks.includes('inference')) {
        form.elements.task_type.value = 'inference';
    }
}

function selectedModelName() {
    return form.elements.model_name.value;
}

/** Fills the model form from get-model-data for the chosen type, task and (optional) name. */
async function loadModel(modelName) {
    const modelType = form.elements.model_type.value;
    if (!modelType) {
        return;
    }
    clearErrors(form);
    try {
        const answer = await withProgress(form, null, () => postJson('/api/model/get-model-data', {
            model_type: modelType,
            task_type: form.elements.task_type.value,
            model_name: modelName || undefined,
        }), 'Loading the model…');
        const model = answer.model_data || {};
        setOptions(form.elements.model_name, answer.matching_models || [model.model_name]);
        form.elements.model_name.value = model.model_name;
        fillModelFields(model);
        saveState();
    } catch (error) {
        showError(form, error);
    }
}

function fillModelFields(model) {
    const values = {};
    for (const [key, source] of Object.entries(MODEL_FIELDS)) {
        values[key] = model[source] ?? '';
    }
    fillForm(form, values);
}

function simulationBody() {
    return {
        ...formBody(form, SELECTION_FIELDS),
        Model_Type: form.elements.model_type.value,
        Task_Type: form.elements.task_type.value,
        Top_K: ALL_CONFIGURATIONS,
    };
}

async function simulate(event) {
    event.preventDefault();
    clearErrors(form);
    setStatus(resultStatus, 'Simulating every hardware configuration…');
    try {
        const answer = await withProgress(form, results,
            () => postJson('/api/model/simulate-performance', simulationBody()), 'Simulating…');
        showResults(answer);
    } catch (error) {
        setStatus(resultStatus, 'The simulation failed; see the form above.');
        showError(form, error);
    }
}

// ---- results ------------------------------------------------------------------------------

function showResults(answer) {
    const all = answer.performance_results || [];
    const rows = Math.max(1, Number(form.elements.rows.value) || 10);
    const shown = all.slice(0, rows);
    table.tBodies[0].replaceChildren(...shown.map(resultRow));
    table.hidden = shown.length === 0;
    setStatus(resultStatus, describeResults(answer, all.length, shown.length), 'success');
    showWorkload(answer);
    drawChart(all, shown);
}

function describeResults(answer, total, shown) {
    const sort = form.elements.Sort_By.selectedOptions[0]?.textContent.toLowerCase();
    const parts = [`${total} configurations fit this workload; the best ${shown} by ${sort} are `
        + 'listed. Open a row for its breakdown.'];
    const excluded = excludedCount(answer);
    if (excluded) {
        const names = excludedNames(answer);
        parts.push(`${excluded} excluded: the workload does not fit their memory`
            + `${names.length ? ` (${names.join(', ')})` : ''}.`);
    }
    return parts.join(' ');
}

/** The names of the configurations left out, where the answer lists them. */
function excludedNames(answer) {
    const list = Object.entries(answer).find(([key, value]) => Array.isArray(value)
        && /not_fit|exclud/i.test(key));
    return list ? list[1].map((item) => (item && typeof item === 'object'
        ? item.hardware ?? item.name ?? item.hardware_id : item)).filter(Boolean) : [];
}

/** The workload as the service simulated it (batch size chosen, defaults filled in). */
function showWorkload(answer) {
    const section = document.getElementById('workload-used');
    const workload = answer.workload;
    section.hidden = !workload || typeof workload !== 'object';
    if (!section.hidden) {
        section.replaceChildren(el('summary', { text: 'Workload as simulated' }),
            keyValues(workload));
    }
}

/** The count of configurations left out for want of memory, whatever its exact name. */
function excludedCount(answer) {
    const entry = Object.entries(answer).find(([key, value]) => typeof value === 'number'
        && /exclud|not_fit|does_not_fit|unfit/i.test(key));
    return entry ? entry[1] : 0;
}

function resultRow(result, index) {
    const detailId = `breakdown-${index}`;
    const opener = el('button', {
        className: 'row-open',
        text: result.hardware,
        attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': detailId },
    });
    const row = el('tr', { attrs: { 'data-hardware-id': result.hardware_id } },
        cell('Hardware', opener),
        cell('Full Name', result.full_name),
        numberCell('Latency (ms)', result.latency_ms),
        numberCell('Throughput (req/s)', result.throughput_qps),
        numberCell('Cost per 1000 (USD)', result.cost_per_1000),
        cell('Memory (GB)', memoryText(result), 'number'));
    opener.addEventListener('click', () => toggleBreakdown(row, result, detailId, opener));
    row.addEventListener('click', (event) => {
        if (!event.target.closest('button')) {
            opener.click();
        }
    });
    return row;
}

function cell(label, content, className) {
    return el('td', { className, attrs: { 'data-label': label } },
        content instanceof Node ? content : document.createTextNode(content ?? '\u2014'));
}

function numberCell(label, value) {
    return cell(label, formatNumber(value), 'number');
}

function memoryText(result) {
    const footprint = formatNumber(result.memory_gb);
    return result.hardware_memory_gb === undefined ? footprint
        : `${footprint} of ${formatNumber(result.hardware_memory_gb)}`;
}

function toggleBreakdown(row, result, detailId, opener) {
    const existing = document.getElementById(detailId);
    if (existing) {
        existing.remove();
        row.classList.remove('selected');
        opener.setAttribute('aria-expanded', 'false');
        return;
    }
    const detail = el('tr', { className: 'detail', attrs: { id: detailId } },
        el('td', { className: 'detail-cell', attrs: { colspan: 6 } }, breakdownView(result)));
    row.after(detail);
    row.classList.add('selected');
    opener.setAttribute('aria-expanded', 'true');
}

// ---- breakdown of one configuration -------------------------------------------------------

function breakdownView(result) {
    const breakdown = result.breakdown || {};
    const view = el('div', { className: 'breakdown' },
        el('h3', { text: `Where the time goes on ${result.hardware}` }),
        el('p', {}, el('strong', { text: 'Bottleneck: ' }),
            document.createTextNode(humanise(result.bottleneck ?? breakdown.bottleneck ?? '\u2014'))));
    const times = timeTerms(breakdown);
    if (times.length > 0) {
        view.append(timeBars(times), el('p', {
            className: 'hint',
            text: 'Compute and memory transfers overlap, so the terms need not add up to the '
                + 'latency.',
        }));
    }
    const factors = factorList(breakdown) || factorList(result);
    if (factors) {
        view.append(el('h3', { text: 'Factors used' }), factorsTable(factors));
    }
    const rest = Object.fromEntries(Object.entries(breakdown).filter(([key, value]) =>
        !times.some((term) => term.key === key) && value !== factors && key !== 'bottleneck'));
    const other = Object.fromEntries(Object.entries(result).filter(([key, value]) =>
        !COLUMN_FIELDS.includes(key) && value !== factors && !isEmpty(value)));
    if (Object.keys(rest).length > 0) {
        view.append(el('h3', { text: 'More of the breakdown' }), keyValues(rest));
    }
    if (Object.keys(other).length > 0) {
        view.append(el('h3', { text: 'Other figures' }), keyValues(other));
    }
    return view;
}

/** Null, or an empty list: a figure that does not apply to this workload. */
function isEmpty(value) {
    return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

/** The numeric time terms of a breakdown (compute_ms, memory_ms, ...). */
function timeTerms(breakdown) {
    return Object.entries(breakdown)
        .filter(([key, value]) => typeof value === 'number' && /_ms$/i.test(key))
        .map(([key, value]) => ({ key, value }));
}

function timeBars(times) {
    const longest = Math.max(...times.map((term) => term.value), Number.MIN_VALUE);
    const bars = el('div', { className: 'time-bars', attrs: { role: 'list' } });
    for (const term of times) {
        const share = Math.max(0, term.value / longest) * 100;
        bars.append(
            el('span', { text: humanise(term.key.replace(/_ms$/i, '')),
                attrs: { role: 'listitem' } }),
            el('div', {}, el('div', { className: 'time-bar', attrs: { style: `width: ${share}%` } })),
            el('span', { className: 'number', text: `${formatNumber(term.value)} ms` }));
    }
    return bars;
}

/** The efficiency factors: a list of {name, value, meaning} or an object of name -> value. */
function factorList(source) {
    const found = Object.entries(source).find(([key, value]) => /factor|efficienc/i.test(key)
        && value && typeof value === 'object');
    return found ? found[1] : null;
}

function factorsTable(factors) {
    const entries = Array.isArray(factors) ? factors
        : Object.entries(factors).map(([name, value]) => (value && typeof value === 'object'
            ? { name, ...value } : { name, value }));
    const body = entries.map((factor) => el('tr', {},
        el('td', { text: factor.name ?? '\u2014', attrs: { 'data-label': 'Factor' } }),
        el('td', { className: 'number', attrs: { 'data-label': 'Value' } },
            renderValue(factor.value)),
        el('td', { text: factor.meaning ?? factor.description ?? '',
            attrs: { 'data-label': 'Meaning' } })));
    return el('table', { className: 'responsive factors' },
        el('thead', {}, el('tr', {}, el('th', { text: 'Factor', attrs: { scope: 'col' } }),
            el('th', { className: 'number', text: 'Value', attrs: { scope: 'col' } }),
            el('th', { text: 'Meaning', attrs: { scope: 'col' } }))),
        el('tbody', {}, ...body));
}

// ---- chart --------------------------------------------------------------------------------

function drawChart(all, shown) {
    chartSection.hidden = all.length === 0;
    if (all.length === 0) {
        return;
    }
    if (!latencyCostChart) {
        latencyCostChart = createChart(document.getElementById('latency-cost-chart'));
    }
    const element = document.getElementById('latency-cost-chart');
    element.dataset.points = drawLatencyCost(latencyCostChart, all.map((result) => ({
        name: result.hardware,
        latencyMs: Number(result.latency_ms),
        cost: result.cost_per_1000 === null ? NaN : Number(result.cost_per_1000),
        highlighted: shown.includes(result),
    })));
}
