// @ts-check
// The API as the dashboard reads it: same-origin GETs, the API's one error shape turned into
// ApiError, and the few list calls the pages make.

/** A list route's answer. @template T @typedef {{ rows: T[], page: number, pageSize: number, total: number, totalPages: number }} ListResult */

/** The most pages of 100 matches read for one season (a league season is 4). */
const MAX_MATCH_PAGES = 20;

export class ApiError extends Error {
	/** @param {number} status @param {string} type @param {string} message */
	constructor(status, type, message) {
		super(message);
		this.status = status;
		this.type = type;
	}

	/** The route does not exist on this gateway (or has no node behind it): a feature not available here. */
	get unavailable() {
		return this.status === 404 || this.status === 503;
	}
}

/** @param {Response} response @returns {Promise<ApiError>} */
async function errorOf(response) {
	try {
		const body = await response.json();
		if (body && body.error)
			return new ApiError(
				response.status,
				String(body.error.type),
				String(body.error.message),
			);
	} catch {
		// Not our error shape: described by the status alone.
	}
	return new ApiError(response.status, "HTTP_ERROR", `The server answered ${response.status}.`);
}

/**
 * GET a path of this origin with query parameters (empty ones left out).
 * @param {string} path @param {Record<string, string | number | undefined>} [query] @param {AbortSignal} [signal]
 * @returns {Promise<any>}
 */
export async function getJson(path, query = {}, signal) {
	const params = new URLSearchParams();
	for (const [name, value] of Object.entries(query))
		if (value !== undefined && value !== "") params.set(name, String(value));
	const url = params.size ? `${path}?${params}` : path;
	const response = await fetch(url, { headers: { Accept: "application/json" }, signal });
	if (!response.ok) throw await errorOf(response);
	return response.json();
}

/** Every competition, with its seasons. @param {AbortSignal} signal */
export function competitions(signal) {
	return getJson("/api/v1/competitions", { pageSize: 100 }, signal).then(page => page.rows);
}

/** A competition season's tables (one per group in a cup). @param {string} code @param {number} season @param {AbortSignal} signal */
export function standings(code, season, signal) {
	return getJson("/api/v1/standings", { competition: code, season, pageSize: 100 }, signal).then(
		page => page.rows,
	);
}

/** The teams of a competition season. @param {string} code @param {number} season @param {AbortSignal} signal */
export function teams(code, season, signal) {
	return getJson("/api/v1/teams", { competition: code, season, pageSize: 100 }, signal).then(
		page => page.rows,
	);
}

/** @param {Record<string, string | number | undefined>} query @param {AbortSignal} signal @returns {Promise<ListResult<any>>} */
export function players(query, signal) {
	return getJson("/api/v1/players", query, signal);
}

/**
 * Every match the filters select, following v2's cursor from page to page.
 * @param {Record<string, string | number | undefined>} filters @param {AbortSignal} signal
 * @returns {Promise<import("./format.js").Match[]>}
 */
export async function allMatches(filters, signal) {
	const matches = [];
	let cursor;
	for (let page = 0; page < MAX_MATCH_PAGES; page++) {
		const answer = await getJson("/api/v2/results", { ...filters, limit: 100, cursor }, signal);
		matches.push(...answer.matches);
		cursor = answer.next;
		if (!cursor) break;
	}
	return matches;
}

/** The newest match the filters select, or null. @param {Record<string, string | number | undefined>} filters @param {AbortSignal} signal */
export function latestMatch(filters, signal) {
	return getJson("/api/v2/results", { ...filters, limit: 1 }, signal).then(
		answer => answer.matches[0] ?? null,
	);
}

/** The gateway's view of the cluster (GET /api/cluster). @param {AbortSignal} signal */
export function cluster(signal) {
	return getJson("/api/cluster", {}, signal);
}

/** Was this failure only the page moving on (its requests cancelled)? @param {unknown} error */
export function isAbort(error) {
	return error instanceof DOMException && error.name === "AbortError";
}
