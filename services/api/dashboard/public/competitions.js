// @ts-check
// The competitions page (every competition and its seasons) and a season's page: its table
// (or a table per group) and its results, round by round.
import * as api from "./api.js";
import { el, link, notice, replace } from "./dom.js";
import { currentRound, roundsOf, seasonLabel, stageName } from "./format.js";
import { matchList } from "./matches.js";
import { standingsTables } from "./standings.js";

/** "PL-2024" → 2024. @param {{ id: string }} season */
const startYear = season => Number(season.id.split("-").pop());

/** @param {{ code: string, name: string, type: string, area: { name: string }, seasons: Array<{ id: string, startDate: string, endDate: string }> }} competition */
function competitionCard(competition) {
	const seasons = competition.seasons.map(season =>
		el(
			"li",
			{},
			link(
				`/competitions/${competition.code}/${startYear(season)}`,
				seasonLabel(season.startDate, season.endDate),
			),
		),
	);
	return el(
		"li",
		{ class: "card" },
		el("h2", {}, competition.name),
		el(
			"p",
			{ class: "muted" },
			`${competition.area.name} · ${competition.type === "CUP" ? "Cup" : "League"}`,
		),
		el("ul", { class: "chips", "aria-label": `${competition.name} seasons` }, ...seasons),
	);
}

/** @type {import("./main.js").View} */
export async function renderCompetitions({ main, signal }) {
	document.title = "Competitions — matchday";
	replace(main, el("h1", {}, "Competitions"), notice("Loading competitions…"));
	const competitions = await api.competitions(signal);
	replace(
		main,
		el("h1", {}, "Competitions"),
		el(
			"p",
			{ class: "lead" },
			"Choose a season for its table and its results, round by round.",
		),
		el("ul", { class: "cards" }, ...competitions.map(competitionCard)),
	);
}

/** The table section: standings, or a clear word when this gateway has none. @param {string} code @param {number} season @param {AbortSignal} signal */
async function tableSection(code, season, signal) {
	const section = el(
		"section",
		{ "aria-labelledby": "table-heading" },
		el("h2", { id: "table-heading" }, "Table"),
	);
	try {
		const tables = await api.standings(code, season, signal);
		if (tables.length === 0)
			section.append(
				notice("There is no table for this season (its matches are all knockout rounds)."),
			);
		else section.append(...standingsTables(tables, `/${code}/${season}`));
	} catch (error) {
		if (error instanceof api.ApiError && error.unavailable)
			section.append(
				notice("The table is not available: this server does not provide standings."),
			);
		else if (api.isAbort(error)) throw error;
		else
			section.append(
				notice(
					`The table could not be loaded: ${error instanceof Error ? error.message : error}`,
					"error",
				),
			);
	}
	return section;
}

/**
 * The results section: a round picker and that round's matches. Choosing a round rewrites the
 * URL in place (the view stays, and so does the keyboard focus), so a round can be linked.
 * @param {import("./format.js").Round[]} rounds @param {string | undefined} wanted @param {string} basePath "/competitions/PL/2024" @param {string} context
 */
function resultsSection(rounds, wanted, basePath, context) {
	const section = el(
		"section",
		{ "aria-labelledby": "results-heading" },
		el("h2", { id: "results-heading" }, "Results"),
	);
	if (rounds.length === 0) {
		section.append(notice("No matches in this season."));
		return section;
	}
	let index = Math.max(
		0,
		rounds.findIndex(round => round.key === (wanted ?? currentRound(rounds).key)),
	);
	const select = el(
		"select",
		{ id: "round" },
		...rounds.map(round => el("option", { value: round.key }, round.label)),
	);
	const previous = el("button", { type: "button", class: "secondary" }, "‹ Previous");
	const next = el("button", { type: "button", class: "secondary" }, "Next ›");
	const list = el("div", { id: "round-matches" });

	const showRound = (/** @type {number} */ chosen) => {
		index = chosen;
		const round = rounds[index];
		select.value = round.key;
		previous.disabled = index === 0;
		next.disabled = index === rounds.length - 1;
		replace(list, matchList(round.matches, context, `Matches of ${round.label}`));
		history.replaceState(null, "", `#${basePath}/round/${round.key}`);
	};
	select.addEventListener("change", () => showRound(select.selectedIndex));
	previous.addEventListener("click", () => showRound(Math.max(0, index - 1)));
	next.addEventListener("click", () => showRound(Math.min(rounds.length - 1, index + 1)));

	section.append(
		el(
			"div",
			{ class: "toolbar" },
			el("label", { for: "round" }, "Round"),
			select,
			previous,
			next,
		),
		list,
	);
	showRound(index);
	return section;
}

/** @type {import("./main.js").View} */
export async function renderSeason({ main, captures, signal }) {
	const [code, seasonText, roundKey] = captures;
	const season = Number(seasonText);
	replace(main, el("h1", {}, `${code} ${season}`), notice("Loading the season…"));
	const [competitions, matches, table] = await Promise.all([
		api.competitions(signal),
		api.allMatches({ competition: code, season }, signal),
		tableSection(code, season, signal),
	]);

	const competition = competitions.find((/** @type {{ code: string }} */ c) => c.code === code);
	const seasonInfo = competition?.seasons.find(
		(/** @type {{ id: string }} */ s) => s.id === `${code}-${season}`,
	);
	const title = `${competition?.name ?? code} ${seasonInfo ? seasonLabel(seasonInfo.startDate, seasonInfo.endDate) : season}`;
	document.title = `${title} — matchday`;
	const basePath = `/competitions/${code}/${season}`;
	const stages = [...new Set(matches.map(match => stageName(match.stage)))];
	replace(
		main,
		el(
			"nav",
			{ "aria-label": "Breadcrumb", class: "breadcrumb" },
			link("/", "Competitions"),
			" › ",
			el("span", { "aria-current": "page" }, title),
		),
		el("h1", {}, title),
		el(
			"p",
			{ class: "lead" },
			`${matches.length} matches${stages.length > 1 ? `: ${stages.join(", ")}` : ""}.`,
		),
		el(
			"div",
			{ class: "columns" },
			table,
			resultsSection(roundsOf(matches), roundKey, basePath, `/${code}/${season}`),
		),
	);
}
