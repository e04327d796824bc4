// @ts-check
// Live: the matches being played and today's, their scores and minute moving as the live
// stream says (GET /api/v1/live, Server-Sent Events: no reload, no polling), a goal highlighted
// for a moment and announced to screen readers. And a match's page: its score, and its goals on
// a timeline of the match's minutes, live too.
import { getJson } from "./api.js";
import { el, link, notice, replace } from "./dom.js";
import { scoreText, stageName } from "./format.js";
import { matchList } from "./matches.js";

/** How long a row stays highlighted after a goal. */
const GOAL_HIGHLIGHT_MS = 4000;
/** The minutes a timeline spans: extra time when the match had it. */
const REGULAR_MINUTES = 90;
const EXTRA_TIME_MINUTES = 120;

/**
 * @typedef {import("./format.js").Match} Match
 * @typedef {{ type: string, minute: number | null, team: "HOME" | "AWAY" | null, scorer: string | null }} LiveEvent
 */

/** The live stream, calling `onChange` with each change; closed by the function it returns. @param {string} query @param {(match: Match, event: LiveEvent) => void} onChange */
function follow(query, onChange) {
	const source = new EventSource(`/api/v1/live${query}`);
	source.addEventListener("match", message => {
		const { match, event } = JSON.parse(/** @type {MessageEvent} */ (message).data);
		onChange(match, event);
	});
	return () => source.close();
}

/** "Goal! Argentina 1–0 France (Lionel Messi 23′)" @param {Match} match @param {LiveEvent} event */
function goalAnnouncement(match, event) {
	const who = event.scorer ? ` (${event.scorer} ${event.minute}\u2032)` : "";
	return `Goal! ${match.homeTeam.name} ${scoreText(match.score)} ${match.awayTeam.name}${who}`;
}

/** Today's date where the reader is, as the API's dateFrom takes it. */
function today() {
	const now = new Date();
	const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** @type {import("./main.js").View} */
export async function renderLive({ main, signal }) {
	document.title = "Live — matchday";
	const day = today();
	const lists = await Promise.all([
		getJson("/api/v2/results", { status: "IN_PLAY", limit: 100 }, signal),
		getJson("/api/v2/results", { status: "PAUSED", limit: 100 }, signal),
		getJson("/api/v2/results", { dateFrom: day, dateTo: day, limit: 100 }, signal),
	]);
	/** @type {Map<string, Match>} */
	const matches = new Map();
	for (const list of lists) for (const match of list.matches) matches.set(match.id, match);
	/** @type {Map<string, number>} match id → until when its row is highlighted */
	const highlighted = new Map();
	const announcer = el("p", { class: "visually-hidden", "aria-live": "polite" });
	const board = el("div", { id: "live-matches" });
	const draw = () => {
		const now = Date.now();
		const shown = [...matches.values()].sort((a, b) => a.utcDate.localeCompare(b.utcDate));
		if (shown.length === 0) {
			replace(
				board,
				notice(
					"No match is being played now, and none is on today. Matches appear here as soon as they kick off.",
				),
			);
			return;
		}
		replace(
			board,
			matchList(shown, "", "Matches being played and today's", { linkMatches: true }),
		);
		for (const [id, until] of highlighted) {
			if (until <= now) highlighted.delete(id);
			else
				board
					.querySelector(`[data-match="${CSS.escape(id)}"]`)
					?.classList.add("goal-flash");
		}
	};
	replace(
		main,
		el("h1", {}, "Live"),
		el("p", { class: "lead" }, "Scores and minutes as they happen."),
		board,
		announcer,
	);
	draw();
	const timers = new Set();
	const stop = follow("", (match, event) => {
		matches.set(match.id, match);
		if (event.type === "GOAL") {
			highlighted.set(match.id, Date.now() + GOAL_HIGHLIGHT_MS);
			announcer.textContent = goalAnnouncement(match, event);
			timers.add(setTimeout(draw, GOAL_HIGHLIGHT_MS + 50));
		}
		draw();
	});
	return () => {
		stop();
		for (const timer of timers) clearTimeout(timer);
	};
}

/** Where a minute stands on the timeline, in percent. @param {number} minute @param {number} span */
function along(minute, span) {
	return Math.min(100, (minute / span) * 100);
}

/** @param {Match} match */
function timeline(match) {
	const goals = match.goals ?? [];
	const span = match.score.duration === "REGULAR" ? REGULAR_MINUTES : EXTRA_TIME_MINUTES;
	const items = goals.map(goal => {
		const side = goal.team.id === match.homeTeam.id ? "home" : "away";
		const added = goal.injuryTime ? `+${goal.injuryTime}` : "";
		const notes = [goal.penalty ? "pen." : null, goal.ownGoal ? "o.g." : null].filter(Boolean);
		const item = el(
			"li",
			{ class: `goal goal-${side}` },
			el("span", { class: "goal-minute" }, `${goal.minute}${added}\u2032`),
			" ",
			el("span", { class: "goal-scorer" }, goal.scorer.name),
			notes.length ? ` (${notes.join(", ")})` : "",
			el("span", { class: "visually-hidden" }, ` for ${goal.team.name}`),
		);
		// A custom property through the CSSOM: the CSP refuses style attributes, not this.
		item.style.setProperty("--at", `${along(goal.minute, span)}%`);
		return item;
	});
	return el(
		"section",
		{ "aria-labelledby": "goals-heading" },
		el("h2", { id: "goals-heading" }, "Goals"),
		items.length
			? el(
					"ol",
					{ class: "timeline", "aria-label": `Goals on the match's ${span} minutes` },
					...items,
				)
			: notice("No goal yet."),
	);
}

/** @param {Match} match */
function matchHeader(match) {
	const when =
		match.status === "PAUSED"
			? "Half time"
			: match.status === "IN_PLAY" && match.minute !== null && match.minute !== undefined
				? `${match.minute}${match.injuryTime ? `+${match.injuryTime}` : ""}\u2032`
				: match.status.toLowerCase().replace("_", " ");
	return [
		el("h1", {}, `${match.homeTeam.name} – ${match.awayTeam.name}`),
		el(
			"p",
			{ class: "lead" },
			link(
				`/competitions/${match.competition.code}/${match.season.year}`,
				match.competition.name,
			),
			` · ${stageName(match.stage)}`,
		),
		el(
			"p",
			{ class: "match-score", id: "match-score" },
			el("strong", {}, scoreText(match.score) || "vs"),
			" ",
			el("span", { class: "match-status" }, when),
		),
	];
}

/** @type {import("./main.js").View} */
export async function renderMatch({ main, captures, signal }) {
	const [id] = captures;
	let match = /** @type {Match} */ (
		await getJson(`/api/v2/matches/${encodeURIComponent(id)}`, {}, signal)
	);
	const draw = () => {
		document.title = `${match.homeTeam.name} – ${match.awayTeam.name} — matchday`;
		replace(main, ...matchHeader(match), timeline(match));
	};
	draw();
	return follow(`?match=${encodeURIComponent(id)}`, changed => {
		match = changed;
		draw();
	});
}
