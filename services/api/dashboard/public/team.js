// @ts-check
// A team's page in one competition season: where it stands, its results and its squad. Without
// a season in the URL, the season of its newest match is shown.
import * as api from "./api.js";
import { badge, el, link, notice, replace, row, table } from "./dom.js";
import { ageOn, positionOf, seasonLabel } from "./format.js";
import { matchList } from "./matches.js";

/**
 * @typedef {{ id: string, name: string, shortName?: string, tla: string, type?: string, area?: { name: string },
 *   competitions?: Array<{ code: string, season: number }> }} Team
 */

/** The competition season of the team's newest match, or null. @param {string} teamId @param {AbortSignal} signal */
async function latestSeason(teamId, signal) {
	const match = await api.latestMatch({ team: teamId }, signal);
	return match ? { code: match.competition.code, season: match.season.year } : null;
}

/** Standings, or the reason there are none (an aborted request still aborts). @param {string} code @param {number} season @param {AbortSignal} signal */
function standingsOrError(code, season, signal) {
	return api.standings(code, season, signal).then(
		rows => ({ rows, error: null }),
		error => {
			if (api.isAbort(error)) throw error;
			return { rows: [], error };
		},
	);
}

/** The team as the teams list has it, else as its matches name it. @param {Team[]} teams @param {import("./format.js").Match[]} matches @param {string} teamId @returns {Team} */
function findTeam(teams, matches, teamId) {
	const listed = teams.find(team => team.id === teamId);
	if (listed) return listed;
	const match = matches.find(m => m.homeTeam.id === teamId || m.awayTeam.id === teamId);
	if (match) return match.homeTeam.id === teamId ? match.homeTeam : match.awayTeam;
	return { id: teamId, name: teamId, tla: "?" };
}

/** Links to the team's other competition seasons. @param {Team} team @param {string} code @param {number} season */
function seasonLinks(team, code, season) {
	const seasons = [...(team.competitions ?? [])].sort(
		(a, b) => b.season - a.season || a.code.localeCompare(b.code),
	);
	if (seasons.length < 2) return null;
	const items = seasons.map(entry => {
		const anchor = link(
			`/teams/${team.id}/${entry.code}/${entry.season}`,
			`${entry.code} ${entry.season}`,
		);
		if (entry.code === code && entry.season === season)
			anchor.setAttribute("aria-current", "page");
		return el("li", {}, anchor);
	});
	return el(
		"nav",
		{ "aria-label": "Seasons of this team" },
		el("ul", { class: "chips" }, ...items),
	);
}

/** @param {{ rows: import("./format.js").Standing[], error: unknown }} standings @param {string} teamId @param {string} seasonPath */
function positionSection(standings, teamId, seasonPath) {
	const section = el(
		"section",
		{ "aria-labelledby": "position-heading" },
		el("h2", { id: "position-heading" }, "Position"),
	);
	const { rows, error } = standings;
	if (error) {
		const unavailable = error instanceof api.ApiError && error.unavailable;
		section.append(
			notice(
				unavailable
					? "The position is not available: this server does not provide standings."
					: "The position could not be loaded.",
				unavailable ? "info" : "error",
			),
		);
		return section;
	}
	const position = positionOf(rows, teamId);
	section.append(
		el(
			"p",
			{ class: "position" },
			position ?? "This team is in no table this season (knockout rounds only).",
		),
	);
	if (position) section.append(el("p", {}, link(seasonPath, "The full table and every result")));
	return section;
}

const POSITION_ORDER = ["Goalkeeper", "Defender", "Midfielder", "Forward"];

/** @param {Array<{ name: string, position: string, shirtNumber: number | null, dateOfBirth: string | null, nationality: string, club: { name: string } | null }>} players @param {boolean} national */
function squadSection(players, national) {
	const section = el(
		"section",
		{ "aria-labelledby": "squad-heading" },
		el("h2", { id: "squad-heading" }, "Squad"),
	);
	if (players.length === 0) {
		section.append(notice("No squad is recorded for this team."));
		return section;
	}
	const today = new Date();
	const sorted = [...players].sort(
		(a, b) =>
			POSITION_ORDER.indexOf(a.position) - POSITION_ORDER.indexOf(b.position) ||
			(a.shirtNumber ?? 99) - (b.shirtNumber ?? 99),
	);
	const columns = [
		{ label: "Shirt number", abbr: "No.", className: "num" },
		{ label: "Name", className: "wide" },
		{ label: "Position" },
		{ label: "Age", className: "num" },
		{ label: national ? "Club" : "Nationality", className: "optional" },
	];
	const lines = sorted.map(player =>
		row([
			[player.shirtNumber ?? "–", "num"],
			[player.name, "wide"],
			player.position,
			[player.dateOfBirth ? String(ageOn(player.dateOfBirth, today)) : "–", "num"],
			[national ? (player.club?.name ?? "–") : player.nationality, "optional"],
		]),
	);
	section.append(table(`Squad: ${players.length} players`, columns, lines));
	return section;
}

/** @type {import("./main.js").View} */
export async function renderTeam({ main, captures, signal }) {
	const [teamId, codeGiven, seasonGiven] = captures;
	replace(main, el("h1", {}, "Team"), notice("Loading the team…"));
	const context = codeGiven
		? { code: codeGiven, season: Number(seasonGiven) }
		: await latestSeason(teamId, signal);
	if (!context) {
		replace(main, el("h1", {}, "Team"), notice("No match of this team is known."));
		return;
	}
	const { code, season } = context;
	const [teams, matches, squad, standings] = await Promise.all([
		api.teams(code, season, signal),
		api.allMatches({ team: teamId, competition: code, season }, signal),
		api.players({ team: teamId, pageSize: 100, sort: "shirtNumber" }, signal),
		standingsOrError(code, season, signal),
	]);
	const team = findTeam(teams, matches, teamId);
	const chronological = [...matches].sort((a, b) => a.utcDate.localeCompare(b.utcDate));
	const seasonName = `${matches[0]?.competition.name ?? code} ${chronological.length ? seasonLabel(chronological[0].utcDate, chronological[chronological.length - 1].utcDate) : season}`;
	const seasonPath = `/competitions/${code}/${season}`;
	document.title = `${team.name} — matchday`;
	replace(
		main,
		el(
			"nav",
			{ "aria-label": "Breadcrumb", class: "breadcrumb" },
			link("/", "Competitions"),
			" › ",
			link(seasonPath, seasonName),
			" › ",
			el("span", { "aria-current": "page" }, team.name),
		),
		el("h1", { class: "team-title" }, badge(team.tla), " ", team.name),
		el(
			"p",
			{ class: "lead" },
			[
				team.area?.name,
				team.type === "NATIONAL" ? "National team" : team.type === "CLUB" ? "Club" : null,
				seasonName,
			]
				.filter(Boolean)
				.join(" · "),
		),
		seasonLinks(team, code, season),
		el(
			"div",
			{ class: "columns" },
			el(
				"div",
				{},
				positionSection(standings, teamId, seasonPath),
				squadSection(squad.rows, team.type === "NATIONAL"),
			),
			el(
				"section",
				{ "aria-labelledby": "team-results-heading" },
				el("h2", { id: "team-results-heading" }, "Results"),
				chronological.length
					? matchList(chronological, `/${code}/${season}`, `Matches of ${team.name}`, {
							teamId,
							showRound: true,
						})
					: notice("No matches this season."),
			),
		),
	);
}
