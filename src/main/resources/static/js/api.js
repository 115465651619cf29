// Calls to the modelopt API: JSON in and out, the bearer token, and problem details as errors.
//
// When the service has API tokens configured, a call without a valid token answers 401; the
// first such answer opens a dialog asking for a token, which is then kept in sessionStorage
// (for this browser tab's session only) and sent on every later call.

const TOKEN_KEY = 'modelopt.api-token';
const MAX_TOKEN_PROMPTS = 3;

/** A failed call: the HTTP status and the problem detail's title, detail and field errors. */
export class ApiError extends Error {
    constructor(status, problem) {
        super(problem.detail || problem.title || `The service answered ${status}`);
        this.name = 'ApiError';
        this.status = status;
        this.title = problem.title || 'Request failed';
        this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    }
}

export function getJson(path, params = {}) {
    return request(path + queryString(params), { method: 'GET' });
}

export function postJson(path, body) {
    return request(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
    });
}

/** POST of a multipart form (a file upload); the browser sets the boundary. */
export function postForm(path, formData) {
    return request(path, { method: 'POST', body: formData });
}

/**
 * Checks that the API can be used from this page, asking for a token first when the service
 * requires one. Pages call this before their first request.
 */
export async function ensureAccess() {
    await getJson('/api/status');
    showTokenState();
}

export function hasToken() {
    return Boolean(sessionStorage.getItem(TOKEN_KEY));
}

export function forgetToken() {
    sessionStorage.removeItem(TOKEN_KEY);
    showTokenState();
}

function queryString(params) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
        if (value !== undefined && value !== null && value !== '') {
            search.set(key, value);
        }
    }
    const text = search.toString();
    return text ? `?${text}` : '';
}

async function request(path, init) {
    for (let prompts = 0; ; prompts++) {
        const response = await send(path, init);
        if (response.status !== 401 || prompts >= MAX_TOKEN_PROMPTS) {
            return readAnswer(response);
        }
        await askForToken(hasToken());
    }
}

async function send(path, init) {
    const headers = new Headers(init.headers || {});
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) {
        headers.set('Authorization', `Bearer ${token}`);
    }
    try {
        return await fetch(path, { ...init, headers });
    } catch (networkFailure) {
        throw new ApiError(0, {
            title: 'Service unreachable',
            detail: `The service did not answer (${networkFailure.message}).`,
        });
    }
}

async function readAnswer(response) {
    const type = response.headers.get('Content-Type') || '';
    const text = await response.text();
    const body = type.includes('json') && text ? parseJson(text) : { detail: text };
    if (!response.ok) {
        throw new ApiError(response.status, body || {});
    }
    return body;
}

function parseJson(text) {
    try {
        return JSON.parse(text);
    } catch {
        return { detail: text };
    }
}

// ---- token dialog -------------------------------------------------------------------------

let pendingPrompt = null;

/** Resolves once the user has entered a token; rejects when they cancel. Shared by callers. */
function askForToken(previousWasRejected) {
    if (!pendingPrompt) {
        pendingPrompt = openTokenDialog(previousWasRejected).finally(() => {
            pendingPrompt = null;
        });
    }
    return pendingPrompt;
}

function openTokenDialog(previousWasRejected) {
    const dialog = tokenDialog();
    const input = dialog.querySelector('input');
    const message = dialog.querySelector('.token-message');
    message.textContent = previousWasRejected
        ? 'The service did not accept that token. Enter another one.'
        : 'This service needs an API token. It is kept for this browser session only.';
    input.value = '';
    dialog.showModal();
    input.focus();
    return new Promise((resolve, reject) => {
        const form = dialog.querySelector('form');
        const onSubmit = (event) => {
            event.preventDefault();
            const token = input.value.trim();
            if (!token) {
                input.setAttribute('aria-invalid', 'true');
                return;
            }
            input.removeAttribute('aria-invalid');
            sessionStorage.setItem(TOKEN_KEY, token);
            finish();
            resolve();
        };
        const onCancel = () => {
            finish();
            reject(new ApiError(401, {
                title: 'Unauthorized',
                detail: 'An API token is needed; reload the page to enter one.',
            }));
        };
        const finish = () => {
            form.removeEventListener('submit', onSubmit);
            dialog.removeEventListener('cancel', onCancel);
            dialog.querySelector('.token-cancel').removeEventListener('click', onCancel);
            if (dialog.open) {
                dialog.close();
            }
        };
        form.addEventListener('submit', onSubmit);
        dialog.addEventListener('cancel', onCancel);
        dialog.querySelector('.token-cancel').addEventListener('click', onCancel);
    });
}

function tokenDialog() {
    let dialog = document.getElementById('token-dialog');
    if (dialog) {
        return dialog;
    }
    dialog = document.createElement('dialog');
    dialog.id = 'token-dialog';
    dialog.className = 'token-dialog';
    dialog.setAttribute('aria-labelledby', 'token-dialog-title');
    dialog.innerHTML = `
        <form method="dialog">
            <h2 id="token-dialog-title">API token</h2>
            <p class="token-message"></p>
            <div class="field">
                <label for="api-token">Token</label>
                <input id="api-token" name="api-token" type="password" autocomplete="off"
                       required>
            </div>
            <div class="actions dialog-actions">
                <button type="submit" class="primary">Use token</button>
                <button type="button" class="token-cancel">Cancel</button>
            </div>
        </form>`;
    document.body.append(dialog);
    return dialog;
}

function showTokenState() {
    const state = document.querySelector('.token-state');
    if (!state) {
        return;
    }
    state.replaceChildren();
    if (!hasToken()) {
        return;
    }
    const forget = document.createElement('button');
    forget.type = 'button';
    forget.textContent = 'Forget token';
    forget.addEventListener('click', () => {
        forgetToken();
        window.location.reload();
    });
    state.append('API token set ', forget);
}
