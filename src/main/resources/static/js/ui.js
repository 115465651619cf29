// Helpers shared by the pages: building elements, reading and filling forms, showing API errors
// beside the fields they name, progress while a request runs, and form state in the URL.

/** Creates an element: props may hold className, text, attrs (an object) and on (handlers). */
export function el(tag, props = {}, ...children) {
    const element = document.createElement(tag);
    if (props.className) {
        element.className = props.className;
    }
    if (props.text !== undefined && props.text !== null) {
        element.textContent = String(props.text);
    }
    for (const [name, value] of Object.entries(props.attrs || {})) {
        if (value !== undefined && value !== null && value !== false) {
            element.setAttribute(name, value === true ? '' : String(value));
        }
    }
    for (const [event, handler] of Object.entries(props.on || {})) {
        element.addEventListener(event, handler);
    }
    element.append(...children.filter((child) => child !== null && child !== undefined));
    return element;
}

// ---- numbers and labels -------------------------------------------------------------------

const DASH = '\u2014';

/** A number for people: four significant digits below 1000, whole numbers above. */
export function formatNumber(value) {
    if (value === null || value === undefined || value === '' || Number.isNaN(Number(value))) {
        return DASH;
    }
    const number = Number(value);
    if (!Number.isFinite(number)) {
        return DASH;
    }
    if (Math.abs(number) >= 1000) {
        return number.toLocaleString('en-US', { maximumFractionDigits: 0 });
    }
    return number.toLocaleString('en-US', { maximumSignificantDigits: 4 });
}

const UNIT_SUFFIXES = [
    ['_percent', ' (%)'], ['_ms', ' (ms)'], ['_gb', ' (GB)'], ['_mb', ' (MB)'],
    ['_qps', ' (req/s)'], ['_watts', ' (W)'], ['_mbps', ' (Mbps)'], ['_gbps', ' (GB/s)'],
    ['_tflops', ' (TFLOPS)'], ['_tops', ' (TOPS)'], ['_millions', ' (millions)'],
    ['_billions', ' (billions)'], ['_usd_per_hour', ' (USD/h)'], ['_per_s', ' per s'],
];

/** Names whose words alone would read wrongly. */
const LABELS = {
    cost_per_1000: 'Cost per 1000 requests (USD)',
    current_cost_per_1000: 'Current cost per 1000 requests (USD)',
    cost_per_million_tokens: 'Cost per million tokens (USD)',
    energy_wh_per_1000: 'Energy per 1000 requests (Wh)',
    throughput_tokens_per_s: 'Throughput (tokens/s)',
    fp16_support: 'FP16 support',
    fp16_score: 'FP16 score',
    fp16: 'FP16',
};

/** "latency_improvement_percent" -> "Latency improvement (%)". */
export function humanise(key) {
    if (LABELS[key]) {
        return LABELS[key];
    }
    let base = String(key);
    let unit = '';
    for (const [suffix, label] of UNIT_SUFFIXES) {
        if (base.toLowerCase().endsWith(suffix) && base.length > suffix.length) {
            base = base.slice(0, -suffix.length);
            unit = label;
            break;
        }
    }
    const words = base.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').trim();
    return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase() + unit;
}

/** A yes/no badge. */
export function badge(value, yes = 'yes', no = 'no') {
    return el('span', { className: `badge ${value ? 'yes' : 'no'}`, text: value ? yes : no });
}

/** Renders any JSON value: objects as nested key/value lists, so unknown fields still show. */
export function renderValue(value) {
    if (typeof value === 'boolean') {
        return badge(value);
    }
    if (typeof value === 'number') {
        return document.createTextNode(formatNumber(value));
    }
    if (Array.isArray(value)) {
        if (value.every((item) => item === null || typeof item !== 'object')) {
            return document.createTextNode(value.length ? value.join(', ') : DASH);
        }
        return el('div', {}, ...value.map((item) => renderValue(item)));
    }
    if (value && typeof value === 'object') {
        return keyValues(value);
    }
    return document.createTextNode(value === null || value === undefined || value === ''
        ? DASH : String(value));
}

export function keyValues(object, className = 'key-values') {
    const list = el('dl', { className });
    for (const [key, value] of Object.entries(object || {})) {
        list.append(el('dt', { text: humanise(key) }), el('dd', {}, renderValue(value)));
    }
    return list;
}

// ---- forms --------------------------------------------------------------------------------

/** The named controls of a form as strings; checkboxes as "true" / "false". */
export function formValues(form) {
    const values = {};
    for (const control of form.elements) {
        if (!control.name || control.type === 'submit' || control.type === 'button'
            || control.type === 'file') {
            continue;
        }
        values[control.name] = control.type === 'checkbox'
            ? String(control.checked) : control.value.trim();
    }
    return values;
}

/** Sets the controls named in values; unknown names and absent values are left alone. */
export function fillForm(form, values) {
    for (const [name, value] of Object.entries(values)) {
        const control = form.elements.namedItem(name);
        if (!control || value === undefined || value === null) {
            continue;
        }
        if (control.type === 'checkbox') {
            control.checked = value === true || value === 'true';
        } else {
            control.value = String(value);
        }
    }
}

/** A string field as the JSON body wants it: a number where it is one, else the text. */
export function jsonValue(control, text) {
    if (text === '') {
        return undefined;
    }
    if (control && control.type === 'checkbox') {
        return text === 'true';
    }
    if (control && (control.type === 'number' || control.dataset.kind === 'number-or-text')) {
        const number = Number(text);
        return Number.isNaN(number) ? text : number;
    }
    return text;
}

/** The form as a JSON body: empty fields left out, numbers as numbers. */
export function formBody(form, skip = []) {
    const body = {};
    for (const [name, text] of Object.entries(formValues(form))) {
        if (skip.includes(name)) {
            continue;
        }
        const value = jsonValue(form.elements.namedItem(name), text);
        if (value !== undefined) {
            body[name] = value;
        }
    }
    return body;
}

// ---- errors beside their fields ---------------------------------------------------------

/** "metrics_data[0].Batch_Size" and "batch_size" both become "batchsize". */
function comparableName(field) {
    const last = String(field).split('.').pop().replace(/\[\d+\]/g, '');
    return last.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function clearErrors(form) {
    for (const control of form.querySelectorAll('[aria-invalid="true"]')) {
        control.removeAttribute('aria-invalid');
    }
    for (const message of form.querySelectorAll('.field-error')) {
        message.textContent = '';
    }
    const summary = form.querySelector('.form-error');
    if (summary) {
        summary.replaceChildren();
    }
}

/**
 * Shows an error from the API: each entry of its errors list beside the control it names
 * (compared without case or underscores, so Batch_Size and batch_size both match); the
 * rest, and the detail when no field matched, in the form's error box.
 */
export function showError(form, error) {
    clearErrors(form);
    const controls = new Map();
    for (const control of form.elements) {
        if (control.name) {
            controls.set(comparableName(control.name), control);
        }
        if (control.dataset && control.dataset.errorFor) {
            for (const alias of control.dataset.errorFor.split(',')) {
                controls.set(comparableName(alias), control);
            }
        }
    }
    const unplaced = [];
    let placed = 0;
    for (const problem of error.errors || []) {
        const control = problem.field ? controls.get(comparableName(problem.field)) : null;
        if (control) {
            markInvalid(control, problem.message);
            placed++;
        } else {
            unplaced.push(problem);
        }
    }
    if (placed === 0 || unplaced.length > 0) {
        showSummary(form, error, unplaced, placed > 0);
    }
    const first = form.querySelector('[aria-invalid="true"]');
    if (first) {
        first.focus();
    }
}

function markInvalid(control, message) {
    control.setAttribute('aria-invalid', 'true');
    const target = errorElement(control);
    target.textContent = target.textContent ? `${target.textContent}; ${message}` : message;
}

function errorElement(control) {
    const id = `${control.id || control.name}-error`;
    let target = document.getElementById(id);
    if (!target) {
        target = el('p', { className: 'field-error', attrs: { id, 'aria-live': 'polite' } });
        (control.closest('.field') || control.parentElement).append(target);
    }
    const describedBy = (control.getAttribute('aria-describedby') || '').split(' ');
    if (!describedBy.includes(id)) {
        control.setAttribute('aria-describedby', [...describedBy, id].join(' ').trim());
    }
    return target;
}

function showSummary(form, error, unplaced, someWerePlaced) {
    let summary = form.querySelector('.form-error');
    if (!summary) {
        summary = el('div', { className: 'form-error', attrs: { role: 'alert' } });
        form.prepend(summary);
    }
    const heading = someWerePlaced ? 'Also:' : `${error.title}: ${error.message}`;
    summary.replaceChildren(el('strong', { text: heading }));
    if (unplaced.length > 0) {
        summary.append(el('ul', {}, ...unplaced.map((problem) => el('li', {
            text: [problem.line ? `line ${problem.line}` : null, problem.field, problem.message]
                .filter(Boolean).join(': '),
        }))));
    }
}

// ---- progress -----------------------------------------------------------------------------

/**
 * Runs task while the form shows it is busy: its submit buttons disabled, its .busy indicator
 * visible (saying label, when given) and aria-busy set on the region the results go to.
 */
export async function withProgress(form, region, task, label) {
    const buttons = [...form.querySelectorAll('button[type="submit"]')];
    const busy = form.querySelector('.busy');
    buttons.forEach((button) => { button.disabled = true; });
    if (busy) {
        const text = busy.querySelector('.busy-label');
        if (text && label) {
            text.textContent = label;
        }
        busy.hidden = false;
    }
    if (region) {
        region.setAttribute('aria-busy', 'true');
    }
    try {
        return await task();
    } finally {
        buttons.forEach((button) => { button.disabled = false; });
        if (busy) {
            busy.hidden = true;
        }
        if (region) {
            region.removeAttribute('aria-busy');
        }
    }
}

// ---- state in the URL ---------------------------------------------------------------------

export function queryValues() {
    return Object.fromEntries(new URLSearchParams(window.location.search));
}

/** Replaces the query string by values (empty ones left out) without a new history entry. */
export function saveQuery(values) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(values)) {
        if (value !== undefined && value !== null && value !== '') {
            search.set(key, value);
        }
    }
    const text = search.toString();
    const url = `${window.location.pathname}${text ? `?${text}` : ''}${window.location.hash}`;
    window.history.replaceState(null, '', url);
}

/** Keeps the URL in step with the forms: every change saves collect()'s values. */
export function keepInUrl(forms, collect) {
    const save = () => saveQuery(collect());
    for (const form of forms) {
        form.addEventListener('input', save);
        form.addEventListener('change', save);
    }
    return save;
}

// ---- selects ------------------------------------------------------------------------------

/** Replaces a select's options; options are [value, label] pairs or plain values. */
export function setOptions(select, options, placeholder) {
    const previous = select.value;
    select.replaceChildren();
    if (placeholder !== undefined) {
        select.append(el('option', { text: placeholder, attrs: { value: '' } }));
    }
    for (const option of options) {
        const [value, label] = Array.isArray(option) ? option : [option, option];
        select.append(el('option', { text: label, attrs: { value } }));
    }
    if ([...select.options].some((option) => option.value === previous)) {
        select.value = previous;
    }
}

export function distinct(values) {
    return [...new Set(values.filter((value) => value !== null && value !== undefined
        && value !== ''))].sort((a, b) => String(a).localeCompare(String(b)));
}

/** A status message for a region, e.g. "12 configurations". */
export function setStatus(element, text, kind = '') {
    element.textContent = text;
    element.className = `status-line ${kind}`.trim();
}

/** Marks the page as started (its first data loaded or failed): browser tests wait for it. */
export function markReady() {
    document.documentElement.dataset.ready = 'true';
}
