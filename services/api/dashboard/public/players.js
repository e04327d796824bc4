// @ts-check
// Player search as you type: the API's `q` ignores case and accents ("gunok" finds Mert
// Günok). Typing is debounced, and an answer that arrives after a newer search is dropped.
import * as api from "./api.js";
import { el, replace, teamLink } from "./dom.js";
import { ageOn } from "./format.js";

/** Wait this long after the last key before asking: one request per pause, not per letter. */
const DEBOUNCE_MS = 250;
const MIN_LENGTH = 2;
const PAGE_SIZE = 25;

/** @param {{ name: string, position: string, shirtNumber: number | null, dateOfBirth: string | null, nationality: string, team: { id: string, name: string, tla: string }, club: { name: string } | null }} player */
function playerItem(player) {
	const facts = [
		player.shirtNumber !== null ? `No. ${player.shirtNumber}` : null,
		player.position,
		player.dateOfBirth ? `${ageOn(player.dateOfBirth, new Date())} years` : null,
		player.club ? player.club.name : null,
	].filter(Boolean);
	return el(
		"li",
		{ class: "player" },
		el("p", { class: "player-name" }, player.name),
		el("p", { class: "muted" }, facts.join(" · ")),
		el("p", {}, teamLink(player.team)),
	);
}

/** "1 player", "Showing 25 of 134 players: type more to narrow it down". @param {{ rows: unknown[], total: number }} page */
function countText(page) {
	if (page.total === 0) return "No player has that name.";
	if (page.total <= page.rows.length)
		return `${page.total} ${page.total === 1 ? "player" : "players"}`;
	return `Showing ${page.rows.length} of ${page.total} players: type more to narrow it down.`;
}

/** @type {import("./main.js").View} */
export async function renderPlayers({ main, query, signal }) {
	document.title = "Players — matchday";
	const input = el("input", {
		id: "player-search",
		type: "search",
		name: "q",
		autocomplete: "off",
		spellcheck: "false",
		"aria-describedby": "player-search-hint",
		maxlength: 100,
	});
	input.value = query.get("q") ?? "";
	const status = el("p", { class: "muted", role: "status", id: "player-search-status" });
	const results = el("ul", { class: "players", "aria-label": "Players found" });
	const form = el(
		"form",
		{ role: "search", class: "search" },
		el("label", { for: "player-search" }, "Player name"),
		input,
		el(
			"p",
			{ id: "player-search-hint", class: "muted" },
			"Two letters or more. Accents and capitals do not matter: “gunok” finds Günok.",
		),
	);
	replace(main, el("h1", {}, "Players"), form, status, results);

	let timer = 0;
	/** @type {AbortController | undefined} */
	let inFlight;
	const search = async () => {
		const text = input.value.trim();
		history.replaceState(
			null,
			"",
			text ? `#/players?q=${encodeURIComponent(text)}` : "#/players",
		);
		inFlight?.abort();
		if (text.length < MIN_LENGTH) {
			status.textContent = text ? "Type at least two letters." : "";
			results.replaceChildren();
			return;
		}
		const controller = new AbortController();
		inFlight = controller;
		status.textContent = "Searching…";
		try {
			const page = await api.players(
				{ q: text, pageSize: PAGE_SIZE },
				AbortSignal.any([signal, controller.signal]),
			);
			status.textContent = countText(page);
			replace(results, ...page.rows.map(playerItem));
		} catch (error) {
			if (api.isAbort(error)) return;
			status.textContent = `The search failed: ${error instanceof Error ? error.message : error}`;
			results.replaceChildren();
		}
	};
	input.addEventListener("input", () => {
		clearTimeout(timer);
		timer = window.setTimeout(search, DEBOUNCE_MS);
	});
	form.addEventListener("submit", event => {
		event.preventDefault();
		clearTimeout(timer);
		void search();
	});
	input.focus();
	if (input.value) void search();
	return () => {
		clearTimeout(timer);
		inFlight?.abort();
	};
}
