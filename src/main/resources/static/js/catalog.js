// The Catalog page: hardware and models, filterable and sortable, and the CSV upload that
// populates either table, with the rows at fault listed when a file is rejected.

import { ApiError, ensureAccess, getJson, postForm } from './api.js';
import {
    clearErrors, distinct, el, fillForm, formValues, formatNumber, keepInUrl, queryValues,
    setOptions, setStatus, showError, withProgress, markReady,
} from './ui.js';

const HARDWARE_COLUMNS = [
    { key: 'name', label: 'Name', detail: 'full_name' },
    { key: 'vendor', label: 'Vendor' },
    { key: 'architecture', label: 'Architecture' },
    { key: 'num_gpu', label: 'GPUs', number: true },
    { key: 'memory_gb', label: 'Memory per device (GB)', number: true },
    { key: 'memory_bandwidth_gbps', label: 'Bandwidth (GB/s)', number: true },
    { key: 'peak_fp16_tflops', label: 'FP16 (TFLOPS)', number: true },
    { key: 'peak_fp32_tflops', label: 'FP32 (TFLOPS)', number: true },
    { key: 'price_usd_per_hour', label: 'Price (USD/h)', number: true },
];

const MODEL_COLUMNS = [
    { key: 'model_name', label: 'Name', detail: 'architecture_type' },
    { key: 'task_type', label: 'Task' },
    { key: 'model_type', label: 'Type' },
    { key: 'family', label: 'Family' },
    { key: 'framework', label: 'Framework' },
    { key: 'total_parameters_millions', label: 'Parameters (M)', number: true },
    { key: 'model_size_mb', label: 'Size (MB)', number: true },
    { key: 'number_of_hidden_layers', label: 'Layers', number: true },
    { key: 'precision', label: 'Precision' },
];

const hardwareView = sortableView({
    form: document.getElementById('hardware-filter'),
    table: document.getElementById('hardware-table'),
    status: document.getElementById('hardware-status'),
    columns: HARDWARE_COLUMNS,
    noun: 'configurations',
    matches: hardwareMatches,
});

const modelView = sortableView({
    form: document.getElementById('model-filter'),
    table: document.getElementById('model-table'),
    status: document.getElementById('model-status'),
    columns: MODEL_COLUMNS,
    noun: 'models',
    matches: (model, filter) => textMatches(model, filter.q),
});

const uploadForm = document.getElementById('upload-form');
const uploadStatus = document.getElementById('upload-status');
const uploadErrors = document.getElementById('upload-errors');
let saveState = () => {};

start();

async function start() {
    const saved = queryValues();
    saveState = keepInUrl([hardwareView.form, modelView.form, uploadForm], collectState);
    hardwareView.form.addEventListener('input', () => hardwareView.render());
    modelView.form.elements.q.addEventListener('input', () => modelView.render());
    for (const name of ['sort', 'dir']) {
        modelView.form.elements[name].addEventListener('change', () => modelView.render());
    }
    for (const name of ['model_type', 'task_type']) {
        modelView.form.elements[name].addEventListener('change', () => loadModels());
    }
    for (const form of [hardwareView.form, modelView.form]) {
        form.addEventListener('submit', (event) => event.preventDefault());
    }
    uploadForm.addEventListener('submit', upload);
    try {
        await ensureAccess();
        await Promise.all([loadHardware(), loadModelChoices()]);
        fillForm(hardwareView.form, unprefixed(saved, 'hw'));
        fillForm(modelView.form, unprefixed(saved, 'm'));
        fillForm(uploadForm, unprefixed(saved, 'up'));
        hardwareView.render();
        await loadModels();
        saveState();
    } catch (error) {
        showError(hardwareView.form, error);
    } finally {
        markReady();
    }
}

function collectState() {
    return {
        ...prefixed(formValues(hardwareView.form), 'hw'),
        ...prefixed(formValues(modelView.form), 'm'),
        ...prefixed(formValues(uploadForm), 'up'),
    };
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

async function loadHardware() {
    const answer = await getJson('/api/hardware/');
    hardwareView.rows = answer.hardware || [];
    setOptions(hardwareView.form.elements.vendor,
        distinct(hardwareView.rows.map((hardware) => hardware.vendor)), 'Every vendor');
}

async function loadModelChoices() {
    const answer = await getJson('/api/model/');
    const models = answer.models || [];
    setOptions(modelView.form.elements.model_type,
        distinct(models.map((model) => model.model_type)), 'Every type');
    setOptions(modelView.form.elements.task_type,
        distinct(models.map((model) => model.task_type)), 'Every task');
}

/** The models, filtered by type and task on the server (GET /api/model/?model_type=...). */
async function loadModels() {
    const filter = modelView.form.elements;
    try {
        const answer = await getJson('/api/model/', {
            model_type: filter.model_type.value, task_type: filter.task_type.value,
        });
        modelView.rows = answer.models || [];
        modelView.render();
    } catch (error) {
        showError(modelView.form, error);
    }
}

function hardwareMatches(hardware, filter) {
    if (filter.vendor && hardware.vendor !== filter.vendor) {
        return false;
    }
    if (filter.kind === 'gpu' && !(hardware.num_gpu > 0)) {
        return false;
    }
    if (filter.kind === 'cpu' && hardware.num_gpu > 0) {
        return false;
    }
    return textMatches(hardware, filter.q);
}

function textMatches(row, query) {
    if (!query) {
        return true;
    }
    const needle = query.toLowerCase();
    return Object.values(row).some((value) => typeof value === 'string'
        && value.toLowerCase().includes(needle));
}

// ---- a filterable, sortable table ---------------------------------------------------------

/**
 * A table whose rows are filtered by matches(row, filterValues) and sorted by the filter
 * form's sort and dir controls, which its header buttons set too.
 */
function sortableView({ form, table, status, columns, noun, matches }) {
    const view = { form, rows: [], render: () => renderView(view) };
    Object.assign(view, { table, status, columns, noun, matches });
    setOptions(form.elements.sort, columns.map((column) => [column.key, column.label]));
    table.tHead.replaceChildren(el('tr', {}, ...columns.map((column) => headerCell(view, column))));
    return view;
}

function headerCell(view, column) {
    const button = el('button', {
        className: 'sort',
        text: column.label,
        attrs: { type: 'button', 'data-sort': column.key },
    });
    button.addEventListener('click', () => {
        const elements = view.form.elements;
        const same = elements.sort.value === column.key;
        elements.dir.value = same && elements.dir.value === 'asc' ? 'desc' : 'asc';
        elements.sort.value = column.key;
        view.render();
        saveState();
    });
    return el('th', { className: column.number ? 'number' : '', attrs: { scope: 'col' } }, button);
}

function renderView(view) {
    const filter = formValues(view.form);
    const shown = view.rows.filter((row) => view.matches(row, filter));
    const column = view.columns.find((candidate) => candidate.key === filter.sort)
        || view.columns[0];
    shown.sort(comparator(column.key, filter.dir === 'desc' ? -1 : 1));
    view.table.tBodies[0].replaceChildren(...shown.map((row) => bodyRow(view.columns, row)));
    for (const header of view.table.tHead.querySelectorAll('th')) {
        const key = header.querySelector('button').dataset.sort;
        header.setAttribute('aria-sort', key === column.key
            ? (filter.dir === 'desc' ? 'descending' : 'ascending') : 'none');
    }
    setStatus(view.status, `${shown.length} of ${view.rows.length} ${view.noun}, sorted by `
        + `${column.label} (${filter.dir === 'desc' ? 'descending' : 'ascending'}).`);
}

/** Numbers numerically, text alphabetically; missing values last either way. */
function comparator(key, direction) {
    return (a, b) => {
        const left = a[key];
        const right = b[key];
        const leftMissing = left === null || left === undefined || left === '';
        const rightMissing = right === null || right === undefined || right === '';
        if (leftMissing || rightMissing) {
            return Number(leftMissing) - Number(rightMissing);
        }
        if (typeof left === 'number' && typeof right === 'number') {
            return (left - right) * direction;
        }
        return String(left).localeCompare(String(right), 'en', { numeric: true }) * direction;
    };
}

function bodyRow(columns, row) {
    return el('tr', {}, ...columns.map((column) => {
        const value = column.number ? formatNumber(row[column.key]) : row[column.key] ?? '\u2014';
        // One child, so that the phone layout's label column stays beside all of it.
        const content = el('span', { text: value });
        if (column.detail && row[column.detail]) {
            content.append(el('br'), el('span', { className: 'hint', text: row[column.detail] }));
        }
        return el('td', {
            className: column.number ? 'number' : (column.detail ? 'name-cell' : ''),
            attrs: { 'data-label': column.label },
        }, content);
    }));
}

// ---- CSV upload ---------------------------------------------------------------------------

async function upload(event) {
    event.preventDefault();
    clearErrors(uploadForm);
    uploadErrors.hidden = true;
    setStatus(uploadStatus, '');
    const file = uploadForm.elements.file.files[0];
    if (!file) {
        showError(uploadForm, new ApiError(400, {
            title: 'No file', errors: [{ field: 'file', message: 'choose a CSV file to load' }],
        }));
        return;
    }
    const table = uploadForm.elements.table.value;
    const data = new FormData();
    data.append('file', file);
    try {
        const answer = await withProgress(uploadForm, null,
            () => postForm(`/api/${table}/populate-database`, data), 'Loading the file…');
        setStatus(uploadStatus, `Loaded ${file.name}: ${answer.inserted} inserted, `
            + `${answer.updated} updated, ${answer.unchanged} unchanged `
            + `(${answer.total} rows).`, 'success');
        await (table === 'hardware' ? loadHardware().then(() => hardwareView.render())
            : loadModels());
    } catch (error) {
        showUploadError(file, error);
    }
}

function showUploadError(file, error) {
    const rowProblems = error.errors.filter((problem) => problem.line !== undefined);
    if (rowProblems.length === 0) {
        showError(uploadForm, error);
        return;
    }
    setStatus(uploadStatus, `${file.name} was rejected and nothing was changed: `
        + `${error.message}`);
    uploadErrors.querySelector('tbody').replaceChildren(...rowProblems.map((problem) =>
        el('tr', {},
            el('td', { className: 'number', text: problem.line, attrs: { 'data-label': 'Line' } }),
            el('td', { text: problem.field ?? '\u2014', attrs: { 'data-label': 'Column' } }),
            el('td', { text: problem.message, attrs: { 'data-label': 'Problem' } }))));
    uploadErrors.hidden = false;
}
