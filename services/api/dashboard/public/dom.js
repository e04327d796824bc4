// @ts-check
// Building the page: elements from data with the DOM API. Text is always set as text, never
// parsed as HTML, and no style attribute is written (the CSP refuses inline styles; a badge's
// colour is a CSS custom property set through the CSSOM, which the CSP allows).
import { badgeHue } from "./format.js";

/**
 * @typedef {string | number | Node | null | undefined | false} Child
 * @typedef {Record<string, string | number | boolean | null | undefined>} Attributes
 */

/**
 * An element with attributes (false, null and undefined ones left out) and children.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag @param {Attributes} [attributes] @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attributes = {}, ...children) {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (value === undefined || value === null || value === false) continue;
		node.setAttribute(name, value === true ? "" : String(value));
	}
	append(node, ...children);
	return node;
}

/** @param {Element} parent @param {...Child} children */
export function append(parent, ...children) {
	for (const child of children) {
		if (child === null || child === undefined || child === false) continue;
		parent.append(typeof child === "number" ? String(child) : child);
	}
}

/** Replaces everything in `parent`. @param {Element} parent @param {...Child} children */
export function replace(parent, ...children) {
	parent.replaceChildren();
	append(parent, ...children);
}

/** A link inside the app (hash routing). @param {string} route e.g. "/teams/arsenal-fc" @param {...Child} children */
export function link(route, ...children) {
	return el("a", { href: `#${route}` }, ...children);
}

/** A team's TLA in a coloured badge (no crests offline); decorative, as the name is beside it. @param {string} tla */
export function badge(tla) {
	const node = el("span", { class: "badge", "aria-hidden": "true" }, tla || "?");
	node.style.setProperty("--badge-hue", String(badgeHue(tla || "?")));
	return node;
}

/** A team: badge and name, linking to its page (in a competition season when one is given). @param {{ id: string, name: string, tla: string, shortName?: string }} team @param {string} [context] "/PL/2024" */
export function teamLink(team, context = "") {
	const anchor = link(
		`/teams/${encodeURIComponent(team.id)}${context}`,
		badge(team.tla),
		" ",
		el("span", { class: "team-name" }, team.shortName || team.name),
	);
	anchor.classList.add("team-link");
	return anchor;
}

/** A message in place of content: loading, empty, or an error (announced at once). @param {string} text @param {"info" | "error"} [kind] */
export function notice(text, kind = "info") {
	return el(
		"p",
		{ class: `notice notice-${kind}`, role: kind === "error" ? "alert" : "status" },
		text,
	);
}

/** A table with a caption and column headers; `optional` columns are hidden on narrow screens. @param {string} caption @param {Array<{ label: string, className?: string, abbr?: string }>} columns @param {Node[]} rows */
export function table(caption, columns, rows) {
	const head = el(
		"tr",
		{},
		...columns.map(column =>
			el(
				"th",
				{ scope: "col", class: column.className },
				column.abbr ? el("abbr", { title: column.label }, column.abbr) : column.label,
			),
		),
	);
	return el(
		"div",
		{ class: "table-scroll" },
		el(
			"table",
			{},
			el("caption", {}, caption),
			el("thead", {}, head),
			el("tbody", {}, ...rows),
		),
	);
}

/** A row of cells; each cell is content or [content, className]. @param {Array<Child | [Child, string]>} cells */
export function row(cells) {
	return el(
		"tr",
		{},
		...cells.map(cell =>
			Array.isArray(cell) ? el("td", { class: cell[1] }, cell[0]) : el("td", {}, cell),
		),
	);
}

/** Kick-off in the reader's time zone: "Sun 18 Dec 2022, 16:00". @param {string} utcDate */
export function kickOff(utcDate) {
	const date = new Date(utcDate);
	return new Intl.DateTimeFormat(undefined, {
		weekday: "short",
		day: "numeric",
		month: "short",
		year: "numeric",
		hour: "2-digit",
		minute: "2-digit",
	}).format(date);
}
