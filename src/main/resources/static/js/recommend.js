// The Recommend page: the pre-deployment form (workload, requirements, priority) and the
// post-deployment form (current metrics, or those of a monitored hardware's latest samples),
// both sent to post-deployment-optimization; results with scores, requirements and reasons.

import { ensureAccess, getJson, postJson } from './api.js';
import {
    badge, clearErrors, distinct, el, fillForm, formBody, formValues, formatNumber, humanise,
    keepInUrl, keyValues, queryValues, renderValue, setOptions, setStatus, showError,
    markReady, withProgress,
} from './ui.js';

const ENDPOINT = '/api/deployment/post-deployment-optimization';

/** The metrics a post-deployment request carries that monitoring samples also report. */
const SAMPLE_METRICS = ['cpu_usage_percent', 'gpu_usage_percent', 'memory_usage_percent',
    'temperature_cpu', 'temperature_gpu', 'power_consumption_watts', 'network_usage_mbps',
    'disk_usage_percent'];

/** How many of the latest samples are averaged to fill the form. */
const LATEST_SAMPLES = 10;

const preForm = document.getElementById('pre-form');
const postForm = document.getElementById('post-form');
const preResults = document.getElementById('pre-results');
const postResults = document.getElementById('post-results');
const fillStatus = document.getElementById('post-fill-status');
let saveState = () => {};

start();

async function start() {
    const saved = queryValues();
    saveState = keepInUrl([preForm, postForm], collectState);
    preForm.elements.model_type.addEventListener('change', fillWorkloadFromCatalog);
    preForm.elements.task_type.addEventListener('change', fillWorkloadFromCatalog);
    postForm.elements.hardware_id.addEventListener('change', fillFromLatestSamples);
    preForm.addEventListener('submit', (event) => recommend(event, preForm, preResults));
    postForm.addEventListener('submit', (event) => recommend(event, postForm, postResults));
    try {
        await ensureAccess();
        await Promise.all([loadModelChoices(), loadHardwareChoices()]);
        fillForm(preForm, unprefixed(saved, 'pre'));
        fillForm(postForm, unprefixed(saved, 'post'));
        saveState();
    } catch (error) {
        showError(preForm, error);
    } finally {
        markReady();
    }
}

function collectState() {
    return { ...prefixed(formValues(preForm), 'pre'), ...prefixed(formValues(postForm), 'post') };
}

function prefixed(values, prefix) {
    return Object.fromEntries(Object.entries(values).map(([key, value]) =>
        [`${prefix}.${key}`, value]));
}

function unprefixed(values, prefix) {
    return Object.fromEntries(Object.entries(values)
        .filter(([key]) => key.startsWith(`${prefix}.`))
        .map(([key, value]) => [key.slice(prefix.length + 1), value]));
}

async function loadModelChoices() {
    const catalog = await getJson('/api/model/');
    const models = catalog.models || [];
    setOptions(preForm.elements.model_type, distinct(models.map((model) => model.model_type)),
        'Choose a model type');
    const tasks = distinct(models.map((model) => model.task_type));
    setOptions(preForm.elements.task_type, tasks);
    if (tasks.includes('inference')) {
        preForm.elements.task_type.value = 'inference';
    }
}

async function loadHardwareChoices() {
    const answer = await getJson('/api/hardware/');
    const options = (answer.hardware || []).map((hardware) =>
        [String(hardware.id), `${hardware.name} (id ${hardware.id})`]);
    setOptions(postForm.elements.hardware_id, options, 'None: enter the metrics by hand');
}

/** Model type and task type fill framework, size, parameters and FLOPs from the catalog. */
async function fillWorkloadFromCatalog() {
    const modelType = preForm.elements.model_type.value;
    if (!modelType) {
        return;
    }
    clearErrors(preForm);
    try {
        const answer = await withProgress(preForm, null, () => postJson('/api/model/get-model-data',
            { model_type: modelType, task_type: preForm.elements.task_type.value }),
        'Loading the model…');
        const model = answer.model_data || {};
        fillForm(preForm, {
            framework: model.framework ?? '',
            model_size_mb: model.model_size_mb ?? '',
            parameters_millions: model.total_parameters_millions ?? '',
            flops_billions: model.gflops_per_sample ?? '',
        });
        saveState();
    } catch (error) {
        showError(preForm, error);
    }
}

/** Averages the latest samples of the chosen hardware into the metric fields. */
async function fillFromLatestSamples() {
    const hardwareId = postForm.elements.hardware_id.value;
    if (!hardwareId) {
        setStatus(fillStatus, '');
        return;
    }
    clearErrors(postForm);
    try {
        const answer = await withProgress(postForm, null, () => getJson('/api/monitoring/metrics',
            { hardware_id: hardwareId, limit: 1000 }), 'Reading its latest samples…');
        const latest = latestSamples(answer.metrics || []);
        if (latest.length === 0) {
            setStatus(fillStatus, 'No samples for this hardware yet: enter the metrics by hand.');
            return;
        }
        fillForm(postForm, averages(latest));
        saveState();
        setStatus(fillStatus, `Filled from the average of its ${latest.length} latest samples `
            + `(the newest at ${new Date(latest[0].timestamp).toLocaleString()}).`, 'success');
    } catch (error) {
        showError(postForm, error);
    }
}

function latestSamples(samples) {
    return [...samples]
        .sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp))
        .slice(0, LATEST_SAMPLES);
}

function averages(samples) {
    const values = {};
    for (const metric of SAMPLE_METRICS) {
        const numbers = samples.map((sample) => sample[metric])
            .filter((value) => typeof value === 'number');
        values[metric] = numbers.length === 0 ? ''
            : String(round(numbers.reduce((sum, value) => sum + value, 0) / numbers.length));
    }
    return values;
}

function round(value) {
    return Math.round(value * 100) / 100;
}

async function recommend(event, form, region) {
    event.preventDefault();
    clearErrors(form);
    try {
        const answer = await withProgress(form, region,
            () => postJson(ENDPOINT, formBody(form)), 'Ranking hardware…');
        region.replaceChildren(...recommendationsView(answer));
    } catch (error) {
        region.replaceChildren();
        showError(form, error);
    }
}

// ---- results ------------------------------------------------------------------------------

function recommendationsView(answer) {
    const results = answer.optimization_results || [];
    const summary = answer.analysis_summary || {};
    const evaluated = summary.total_hardware_evaluated;
    const heading = el('h3', {
        text: `${results.length} recommended configurations`
            + (evaluated === undefined ? '' : ` of ${evaluated} evaluated`)
            + (answer.workflow_type ? ` (${humanise(answer.workflow_type).toLowerCase()})` : ''),
    });
    const cards = el('ol', { className: 'result-cards', attrs: { role: 'list' } },
        ...results.map(resultCard));
    const details = el('details', {}, el('summary', { text: 'Analysis summary' }),
        keyValues(summary));
    return [heading, cards, details];
}

function resultCard(result) {
    const scores = result.optimization_scores || {};
    const title = el('h3', {},
        document.createTextNode(`${result.hardware}`),
        el('span', { className: 'hint', text: ` ${result.full_name ?? ''}` }));
    const overall = scores.overall_score === undefined ? null
        : el('p', { className: 'overall' }, el('strong', { text: 'Overall score: ' }),
            document.createTextNode(formatNumber(scores.overall_score)));
    const sections = el('div', { className: 'sections' },
        section('Scores', keyValues(withoutKey(scores, 'overall_score'))),
        section('Projected performance', keyValues(result.projected_performance || {})));
    if (result.requirements_met) {
        sections.append(section('Requirements met', requirementsList(result.requirements_met)));
    }
    if (result.current_vs_projected) {
        sections.append(section('Compared with now', improvementsList(result.current_vs_projected)));
    }
    const known = ['hardware_id', 'hardware', 'full_name', 'optimization_scores',
        'projected_performance', 'requirements_met', 'current_vs_projected', 'reason'];
    const other = Object.fromEntries(Object.entries(result)
        .filter(([key]) => !known.includes(key)));
    if (Object.keys(other).length > 0) {
        sections.append(section('More', keyValues(other)));
    }
    const reason = el('p', { className: 'reason' }, el('strong', { text: 'Why: ' }),
        renderValue(result.reason ?? 'no reason given'));
    return el('li', { className: 'result-card', attrs: { 'data-hardware-id': result.hardware_id } },
        title, overall, sections, reason);
}

function section(title, content) {
    return el('div', {}, el('h4', { text: title }), content);
}

function withoutKey(object, key) {
    return Object.fromEntries(Object.entries(object).filter(([name]) => name !== key));
}

function requirementsList(requirements) {
    const list = el('dl', { className: 'key-values requirements' });
    for (const [key, met] of Object.entries(requirements)) {
        list.append(el('dt', { text: humanise(key) }),
            el('dd', {}, typeof met === 'boolean' ? badge(met, 'met', 'not met') : renderValue(met)));
    }
    return list;
}

function improvementsList(improvements) {
    const list = el('dl', { className: 'key-values improvements' });
    for (const [key, value] of Object.entries(improvements)) {
        const text = typeof value === 'number'
            ? `${value > 0 ? '+' : ''}${formatNumber(value)}` : null;
        list.append(el('dt', { text: humanise(key) }),
            el('dd', {}, text === null ? renderValue(value) : document.createTextNode(text)));
    }
    return list;
}
