// @ts-check
// League tables as GET /api/v1/standings gives them: one table per league season, or one per
// group of a cup's group stage.
import { el, row, table, teamLink } from "./dom.js";
import { stageName } from "./format.js";

/** @typedef {import("./format.js").Standing} Standing @typedef {import("./format.js").TableRow} TableRow */

const FORM_WORDS = { W: "won", D: "drawn", L: "lost" };

/** The last results, newest first, as coloured letters. @param {string | null} form "W,D,L" */
function formCell(form) {
	if (!form) return "–";
	const results = form.split(",").filter(result => result in FORM_WORDS);
	return el(
		"span",
		{ class: "form" },
		el(
			"span",
			{ class: "visually-hidden" },
			`Newest first: ${results.map(result => FORM_WORDS[/** @type {"W" | "D" | "L"} */ (result)]).join(", ")}`,
		),
		...results.map(result =>
			el("span", { class: `outcome outcome-${result}`, "aria-hidden": "true" }, result),
		),
	);
}

const COLUMNS = [
	{ label: "Position", abbr: "Pos", className: "num" },
	{ label: "Team", className: "wide" },
	{ label: "Played", abbr: "P", className: "num" },
	{ label: "Won", abbr: "W", className: "num optional" },
	{ label: "Drawn", abbr: "D", className: "num optional" },
	{ label: "Lost", abbr: "L", className: "num optional" },
	{ label: "Goals for", abbr: "GF", className: "num optional" },
	{ label: "Goals against", abbr: "GA", className: "num optional" },
	{ label: "Goal difference", abbr: "GD", className: "num" },
	{ label: "Points", abbr: "Pts", className: "num" },
	{ label: "Form (last five, newest first)", abbr: "Form", className: "optional" },
];

/** @param {TableRow} line @param {string} context @param {string | undefined} highlight */
function tableLine(line, context, highlight) {
	const tr = row([
		[line.position, "num"],
		[teamLink(line.team, context), "wide"],
		[line.playedGames, "num"],
		[line.won, "num optional"],
		[line.draw, "num optional"],
		[line.lost, "num optional"],
		[line.goalsFor, "num optional"],
		[line.goalsAgainst, "num optional"],
		[line.goalDifference > 0 ? `+${line.goalDifference}` : String(line.goalDifference), "num"],
		[el("strong", {}, String(line.points)), "num"],
		[formCell(line.form), "optional"],
	]);
	if (line.team.id === highlight) tr.classList.add("highlight");
	return tr;
}

/** "Premier League 2024 table", "Group A". @param {Standing} standing */
function captionOf(standing) {
	if (standing.group) return stageName(standing.group);
	return standing.stage === "REGULAR_SEASON"
		? `${standing.competition.name} table`
		: stageName(standing.stage);
}

/**
 * One table per standing; `highlight` marks a team's line.
 * @param {Standing[]} standings @param {string} context "/PL/2024" @param {string} [highlight]
 */
export function standingsTables(standings, context, highlight) {
	return standings.map(standing =>
		table(
			captionOf(standing),
			COLUMNS,
			standing.table.map(line => tableLine(line, context, highlight)),
		),
	);
}
