// A browsable page for the OpenAPI document: every route with its parameters, and a form to
// try each GET route. One self-contained page (inline CSS and JS, nothing from another origin),
// so that it works under `default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'`.

/** A path on this origin: "/x", never "//host" or "/\host", which browsers read as another host. */
const SAME_ORIGIN_PATH = /^\/(?![/\\])[^\s]*$/;

/** The value as a JavaScript literal that is safe inside an inline <script> (no `</script>` can appear). */
function scriptLiteral(value: string): string {
	return JSON.stringify(value).replace(/</g, "\\u003c");
}

const STYLE = `
:root { color-scheme: light; --fg: #1b1b1b; --muted: #444; --line: #c8c8c8; --accent: #0b5394; --warn: #8a1c00; }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #fff; }
main { max-width: 62rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: .5rem 0; }
h2 { font-size: 1.2rem; margin: 0 0 .5rem; overflow-wrap: anywhere; }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
code, pre { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9rem; }
section.op { border: 1px solid var(--line); border-radius: 6px; padding: 1rem; margin: 1rem 0; }
.method { display: inline-block; min-width: 3.5rem; padding: 0 .4rem; border-radius: 4px; background: var(--accent); color: #fff; text-align: center; }
.deprecated { display: inline-block; padding: 0 .4rem; border: 1px solid var(--warn); border-radius: 4px; color: var(--warn); font-size: .85rem; }
.muted { color: var(--muted); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
form { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: .75rem; align-items: end; }
label { display: block; font-weight: 600; }
input, select, button { width: 100%; font: inherit; padding: .4rem; border: 1px solid #767676; border-radius: 4px; background: #fff; color: var(--fg); }
button { background: var(--accent); border-color: var(--accent); color: #fff; cursor: pointer; }
pre { background: #f4f4f4; padding: .75rem; border-radius: 4px; max-height: 30rem; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
`;

// Plain ES2020 that builds the page with the DOM API: text is set with textContent, never
// parsed as HTML, and there is no eval or Function (the policy forbids both).
const SCRIPT = `
const METHODS = ["get", "post", "put", "patch", "delete"];
const statusLine = document.getElementById("status");

function el(tag, attrs, ...children) {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attrs || {})) {
		if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? "" : String(value));
	}
	for (const child of children) if (child !== null && child !== undefined) node.append(child);
	return node;
}

function deref(spec, item) {
	if (!item || typeof item.$ref !== "string") return item;
	return item.$ref.slice(2).split("/").reduce((node, key) => (node ? node[key] : undefined), spec);
}

function typeOf(schema) {
	const type = Array.isArray(schema.type) ? schema.type.join(" | ") : schema.type || "any";
	return schema.format ? type + " (" + schema.format + ")" : type;
}

function range(low, high) {
	if (low !== undefined && high !== undefined) return low + "–" + high;
	return low !== undefined ? "≥ " + low : "≤ " + high;
}

function constraintsOf(schema) {
	const parts = [];
	if (schema.enum) parts.push("one of " + schema.enum.join(", "));
	if (schema.minimum !== undefined || schema.maximum !== undefined) parts.push(range(schema.minimum, schema.maximum));
	if (schema.minLength !== undefined || schema.maxLength !== undefined) parts.push("length " + range(schema.minLength, schema.maxLength));
	if (schema.pattern) parts.push("pattern " + schema.pattern);
	if (schema.default !== undefined) parts.push("default " + JSON.stringify(schema.default));
	return parts.join("; ") || "—";
}

function paramsTable(params) {
	const head = el("tr", {}, ...["Name", "Type", "Constraints", "Required", "Description"].map(text => el("th", { scope: "col" }, text)));
	const rows = params.map(p => el("tr", {},
		el("td", {}, el("code", {}, p.name)), el("td", {}, typeOf(p.schema || {})), el("td", {}, constraintsOf(p.schema || {})),
		el("td", {}, p.required ? "yes" : "no"), el("td", {}, p.description || "")));
	return el("div", { class: "scroll" }, el("table", {}, el("thead", {}, head), el("tbody", {}, ...rows)));
}

function inputFor(param, id) {
	const schema = param.schema || {};
	if (schema.enum || schema.type === "boolean") {
		const values = schema.enum || ["true", "false"];
		return el("select", { id, name: param.name }, el("option", { value: "" }, "(not set)"), ...values.map(v => el("option", { value: v }, String(v))));
	}
	if (schema.type === "integer" || schema.type === "number") {
		return el("input", { id, name: param.name, type: "number", inputmode: "numeric", min: schema.minimum, max: schema.maximum, step: schema.type === "integer" ? 1 : "any", placeholder: schema.default });
	}
	return el("input", { id, name: param.name, type: schema.format === "date" ? "date" : "text", maxlength: schema.maxLength, placeholder: schema.default, autocomplete: "off" });
}

// novalidate: a value the route refuses is worth sending, to see its 422.
function tryForm(path, params, key) {
	const form = el("form", { novalidate: true, "aria-label": "Try GET " + path });
	params.forEach((param, i) => {
		const id = key + "-" + i;
		form.append(el("div", {}, el("label", { for: id }, param.name + (param.required ? " (required)" : "")), inputFor(param, id)));
	});
	form.append(el("div", {}, el("button", { type: "submit" }, "Send")));
	const status = el("p", { class: "muted", "aria-live": "polite" });
	const output = el("pre", { tabindex: 0, hidden: true, "aria-label": "Response body" });
	form.addEventListener("submit", event => {
		event.preventDefault();
		const query = new URLSearchParams();
		for (const field of form.elements) if (field.name && field.value !== "") query.append(field.name, field.value);
		send(query.toString() ? path + "?" + query : path, status, output);
	});
	return [form, status, output];
}

async function send(url, status, output) {
	status.textContent = "GET " + url + " …";
	try {
		const response = await fetch(url, { headers: { Accept: "application/json" } });
		const text = await response.text();
		let shown = text;
		if ((response.headers.get("content-type") || "").includes("json")) {
			try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch { /* shown as it came */ }
		}
		status.textContent = response.status + " " + response.statusText + " — GET " + url;
		output.textContent = shown;
		output.hidden = false;
	} catch (error) {
		status.textContent = "The request failed: " + error.message;
		output.hidden = true;
	}
}

function operationSection(spec, path, method, op, key) {
	const title = el("h2", { id: key + "-title" }, el("span", { class: "method" }, method.toUpperCase()), " ", el("code", {}, path));
	if (op.deprecated) title.append(" ", el("span", { class: "deprecated" }, "Deprecated"));
	const section = el("section", { class: "op", id: key, "aria-labelledby": key + "-title" }, title);
	if (op.summary) section.append(el("p", {}, op.summary));
	if (op.description) section.append(el("p", { class: "muted" }, op.description));
	if (op.security && op.security.length) section.append(el("p", { class: "muted" }, "Needs a bearer token (Authorization: Bearer …)."));
	const params = (op.parameters || []).map(p => deref(spec, p));
	section.append(el("h3", {}, "Parameters"), params.length ? paramsTable(params) : el("p", { class: "muted" }, "None."));
	const responses = Object.entries(op.responses || {}).map(([code, r]) => el("li", {}, el("code", {}, code), " ", (deref(spec, r) || {}).description || ""));
	section.append(el("h3", {}, "Responses"), el("ul", {}, ...responses));
	if (method === "get") section.append(el("h3", {}, "Try it"), ...tryForm(path, params, key));
	return section;
}

function render(spec) {
	document.title = (spec.info.title || "API") + " " + (spec.info.version || "") + " — API documentation";
	document.getElementById("title").textContent = (spec.info.title || "API") + " " + (spec.info.version || "");
	document.getElementById("intro").textContent = spec.info.description || "";
	const toc = document.getElementById("toc");
	const operations = document.getElementById("operations");
	let count = 0;
	for (const [path, item] of Object.entries(spec.paths || {})) {
		for (const method of METHODS.filter(m => item[m])) {
			const op = item[method];
			const key = "op-" + count++;
			toc.append(el("li", {}, el("a", { href: "#" + key }, method.toUpperCase() + " " + path + (op.deprecated ? " (deprecated)" : ""))));
			operations.append(operationSection(spec, path, method, op, key));
		}
	}
	statusLine.textContent = count + " routes.";
}

fetch(SPEC_URL, { headers: { Accept: "application/json" } })
	.then(response => {
		if (!response.ok) throw new Error("HTTP " + response.status);
		return response.json();
	})
	.then(render)
	.catch(error => {
		statusLine.setAttribute("role", "alert");
		statusLine.textContent = "Could not load the API description from " + SPEC_URL + ": " + error.message;
	});
`;

/** The docs page; `specUrl` is the document's path on this origin, e.g. OPENAPI_PATH. */
export function docsPage(specUrl: string): string {
	if (!SAME_ORIGIN_PATH.test(specUrl)) throw new Error(`The spec URL must be a path on this origin ("/openapi.json"), not "${specUrl}"`);
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API documentation</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1 id="title">API documentation</h1>
<p id="intro"></p>
<p id="status" class="muted" role="status">Loading the API description…</p>
<nav aria-label="Routes"><ul id="toc"></ul></nav>
<div id="operations"></div>
</main>
<script>
"use strict";
const SPEC_URL = ${scriptLiteral(specUrl)};
${SCRIPT}
</script>
</body>
</html>
`;
}
