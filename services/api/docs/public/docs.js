// @ts-check
// The API documentation page: every operation of the OpenAPI document with its parameters and responses, and a form to try each GET route.

/**
 * The parts of an OpenAPI 3.1 document that the page reads.
 * @typedef {{ type?: string | string[], format?: string, enum?: Array<string | number>, minimum?: number, maximum?: number, minLength?: number, maxLength?: number, pattern?: string, default?: unknown }} Schema
 * @typedef {{ name: string, in?: string, required?: boolean, description?: string, schema?: Schema }} Parameter
 * @typedef {{ $ref: string }} Ref
 * @typedef {{ summary?: string, description?: string, deprecated?: boolean, security?: unknown[], parameters?: Array<Parameter | Ref>, responses?: Record<string, { description?: string } | Ref> }} Operation
 * @typedef {{ info: { title?: string, version?: string, description?: string }, paths?: Record<string, Record<string, Operation>> }} Spec
 * @typedef {Record<string, string | number | boolean | null | undefined>} Attributes
 */

const METHODS = ["get", "post", "put", "patch", "delete"];

/** An element of the page (index.html), which this script cannot do without. @param {string} id */
function byId(id) {
	const node = document.getElementById(id);
	if (!node) throw new Error(`The page has no #${id}`);
	return node;
}

/**
 * An element with attributes (false, null and undefined ones left out) and children. Text is set
 * as text, never parsed as HTML; no style attribute is ever written and nothing is evaluated,
 * because the page runs under `script-src 'self'; style-src 'self'`, which refuses both.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag @param {Attributes} [attributes] @param {...(Node | string | null | undefined)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
function el(tag, attributes = {}, ...children) {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (value !== undefined && value !== null && value !== false)
			node.setAttribute(name, value === true ? "" : String(value));
	}
	for (const child of children) if (child !== null && child !== undefined) node.append(child);
	return node;
}

/**
 * What a `$ref` points at within the document (a JSON pointer, "#/components/responses/NotFound"); anything else as it is.
 * @template T @param {Spec} spec @param {T | Ref} item @returns {T}
 */
function deref(spec, item) {
	if (!item || typeof item !== "object" || !("$ref" in item) || typeof item.$ref !== "string")
		return /** @type {T} */ (item);
	const keys = item.$ref
		.slice(2)
		.split("/")
		.map(key => key.replace(/~1/g, "/").replace(/~0/g, "~"));
	/** @type {unknown} */
	let node = spec;
	for (const key of keys)
		node =
			node && typeof node === "object"
				? /** @type {Record<string, unknown>} */ (node)[key]
				: undefined;
	return /** @type {T} */ (node);
}

/** "integer", "string (date)", "string | null". @param {Schema} schema */
export function typeOf(schema) {
	const type = Array.isArray(schema.type) ? schema.type.join(" | ") : schema.type || "any";
	return schema.format ? `${type} (${schema.format})` : type;
}

/** @param {number | undefined} low @param {number | undefined} high */
function range(low, high) {
	if (low !== undefined && high !== undefined) return `${low}–${high}`;
	return low !== undefined ? `≥ ${low}` : `≤ ${high}`;
}

/** What the route's validator accepts, in words: "1–100; default 20"; "—" when anything goes. @param {Schema} schema */
export function constraintsOf(schema) {
	const parts = [];
	if (schema.enum) parts.push(`one of ${schema.enum.join(", ")}`);
	if (schema.minimum !== undefined || schema.maximum !== undefined)
		parts.push(range(schema.minimum, schema.maximum));
	if (schema.minLength !== undefined || schema.maxLength !== undefined)
		parts.push(`length ${range(schema.minLength, schema.maxLength)}`);
	if (schema.pattern) parts.push(`pattern ${schema.pattern}`);
	if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
	return parts.join("; ") || "—";
}

/** @param {Parameter[]} params */
function paramsTable(params) {
	const head = el(
		"tr",
		{},
		...["Name", "Type", "Constraints", "Required", "Description"].map(text =>
			el("th", { scope: "col" }, text),
		),
	);
	const rows = params.map(p =>
		el(
			"tr",
			{},
			el("td", {}, el("code", {}, p.name)),
			el("td", {}, typeOf(p.schema || {})),
			el("td", {}, constraintsOf(p.schema || {})),
			el("td", {}, p.required ? "yes" : "no"),
			el("td", {}, p.description || ""),
		),
	);
	return el(
		"div",
		{ class: "scroll" },
		el("table", {}, el("thead", {}, head), el("tbody", {}, ...rows)),
	);
}

/** A select for enums and booleans, a number input for numbers, a date or text input otherwise. @param {Parameter} param @param {string} id */
function inputFor(param, id) {
	const schema = param.schema || {};
	if (schema.enum || schema.type === "boolean") {
		const values = schema.enum || ["true", "false"];
		return el(
			"select",
			{ id, name: param.name },
			el("option", { value: "" }, "(not set)"),
			...values.map(v => el("option", { value: v }, String(v))),
		);
	}
	if (schema.type === "integer" || schema.type === "number") {
		const step = schema.type === "integer" ? 1 : "any";
		return el("input", {
			id,
			name: param.name,
			type: "number",
			inputmode: "numeric",
			min: schema.minimum,
			max: schema.maximum,
			step,
			placeholder: stringOrNumber(schema.default),
		});
	}
	return el("input", {
		id,
		name: param.name,
		type: schema.format === "date" ? "date" : "text",
		maxlength: schema.maxLength,
		placeholder: stringOrNumber(schema.default),
		autocomplete: "off",
	});
}

/** A default shown as a placeholder; one of another kind (an array) is left out. @param {unknown} value */
function stringOrNumber(value) {
	return typeof value === "string" || typeof value === "number" ? value : undefined;
}

/**
 * The URL that a try-it form asks for: the path, and the fields that have a value as its query
 * ("/api/v1/players?q=g%C3%BCn+%C3%B6k&pageSize=5"); the path alone when none has.
 * @param {string} path @param {Iterable<{ name: string, value: string }>} fields
 */
export function tryUrl(path, fields) {
	const query = new URLSearchParams();
	for (const field of fields)
		if (field.name && field.value !== "") query.append(field.name, field.value);
	const text = query.toString();
	return text ? `${path}?${text}` : path;
}

/** @param {string} path @param {Parameter[]} params @param {string} key */
function tryForm(path, params, key) {
	// novalidate: a value the route refuses is worth sending, to see its 422.
	const form = el("form", { novalidate: true, "aria-label": `Try GET ${path}` });
	params.forEach((param, i) => {
		const id = `${key}-${i}`;
		form.append(
			el(
				"div",
				{},
				el("label", { for: id }, param.name + (param.required ? " (required)" : "")),
				inputFor(param, id),
			),
		);
	});
	form.append(el("div", {}, el("button", { type: "submit" }, "Send")));
	const status = el("p", { class: "muted", "aria-live": "polite" });
	const output = el("pre", { tabindex: 0, hidden: true, "aria-label": "Response body" });
	form.addEventListener("submit", event => {
		event.preventDefault();
		const fields = /** @type {Array<HTMLInputElement | HTMLSelectElement>} */ ([
			...form.elements,
		]);
		void send(tryUrl(path, fields), status, output);
	});
	return [form, status, output];
}

/** Asks for `url` and shows the answer: its status line, and its body (JSON indented). @param {string} url @param {HTMLElement} status @param {HTMLElement} output */
async function send(url, status, output) {
	status.textContent = `GET ${url} …`;
	try {
		const response = await fetch(url, { headers: { Accept: "application/json" } });
		const text = await response.text();
		let shown = text;
		if ((response.headers.get("content-type") || "").includes("json")) {
			try {
				shown = JSON.stringify(JSON.parse(text), null, 2);
			} catch {
				// Not JSON after all: shown as it came.
			}
		}
		status.textContent = `${response.status} ${response.statusText} — GET ${url}`;
		output.textContent = shown;
		output.hidden = false;
	} catch (error) {
		status.textContent = `The request failed: ${error instanceof Error ? error.message : String(error)}`;
		output.hidden = true;
	}
}

/** @param {Spec} spec @param {string} path @param {string} method @param {Operation} op @param {string} key */
function operationSection(spec, path, method, op, key) {
	const title = el(
		"h2",
		{ id: `${key}-title` },
		el("span", { class: "method" }, method.toUpperCase()),
		" ",
		el("code", {}, path),
	);
	if (op.deprecated) title.append(" ", el("span", { class: "deprecated" }, "Deprecated"));
	const section = el(
		"section",
		{ class: "op", id: key, "aria-labelledby": `${key}-title` },
		title,
	);
	if (op.summary) section.append(el("p", {}, op.summary));
	if (op.description) section.append(el("p", { class: "muted" }, op.description));
	if (op.security && op.security.length)
		section.append(
			el("p", { class: "muted" }, "Needs a bearer token (Authorization: Bearer …)."),
		);
	const params = (op.parameters || []).map(p => /** @type {Parameter} */ (deref(spec, p)));
	section.append(
		el("h3", {}, "Parameters"),
		params.length ? paramsTable(params) : el("p", { class: "muted" }, "None."),
	);
	const responses = Object.entries(op.responses || {}).map(([code, r]) =>
		el("li", {}, el("code", {}, code), " ", deref(spec, r)?.description || ""),
	);
	section.append(el("h3", {}, "Responses"), el("ul", {}, ...responses));
	if (method === "get") section.append(el("h3", {}, "Try it"), ...tryForm(path, params, key));
	return section;
}

/** Fills the page from the document: title, introduction, a table of contents and a section per operation. @param {Spec} spec */
export function render(spec) {
	const name = `${spec.info.title || "API"} ${spec.info.version || ""}`;
	document.title = `${name} — API documentation`;
	byId("title").textContent = name;
	byId("intro").textContent = spec.info.description || "";
	const toc = byId("toc");
	const operations = byId("operations");
	let count = 0;
	for (const [path, item] of Object.entries(spec.paths || {})) {
		for (const method of METHODS.filter(m => item[m])) {
			const op = item[method];
			const key = `op-${count++}`;
			toc.append(
				el(
					"li",
					{},
					el(
						"a",
						{ href: `#${key}` },
						`${method.toUpperCase()} ${path}${op.deprecated ? " (deprecated)" : ""}`,
					),
				),
			);
			operations.append(operationSection(spec, path, method, op, key));
		}
	}
	byId("status").textContent = `${count} routes.`;
}

/** Reads the document that the page names (`<main data-openapi>`) and renders it; says why when it cannot. */
export async function start() {
	const status = byId("status");
	const url = byId("main").getAttribute("data-openapi") || "";
	try {
		const response = await fetch(url, { headers: { Accept: "application/json" } });
		if (!response.ok) throw new Error(`HTTP ${response.status}`);
		render(await response.json());
	} catch (error) {
		status.setAttribute("role", "alert");
		status.textContent = `Could not load the API description from ${url}: ${error instanceof Error ? error.message : String(error)}`;
	}
}

void start();
