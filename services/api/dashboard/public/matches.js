// @ts-check
// A list of matches: kick-off, the two teams with their badges, and the score as people write
// it ("3–3 (a.e.t.), 4–2 pens"), the half-time score in small print.
import { el, kickOff, teamLink } from "./dom.js";
import { describeScore, outcomeFor, roundLabel, stageName } from "./format.js";

const OUTCOME_WORDS = { W: "Won", D: "Drawn", L: "Lost" };

/** @param {import("./format.js").Match} match */
function scoreCell(match) {
	const { result, extra, halfTime } = describeScore(match.score);
	if (!result)
		return el(
			"span",
			{ class: "score score-pending" },
			match.status === "SCHEDULED" ? "vs" : match.status.toLowerCase(),
		);
	return el(
		"span",
		{ class: "score" },
		el("strong", {}, result),
		extra ? el("span", { class: "score-extra" }, extra) : null,
		halfTime ? el("small", { class: "half-time" }, halfTime) : null,
	);
}

/** @param {import("./format.js").Match} match @param {string} teamId */
function outcomeBadge(match, teamId) {
	const outcome = outcomeFor(match, teamId);
	if (!outcome) return null;
	return el(
		"span",
		{ class: `outcome outcome-${outcome}`, title: OUTCOME_WORDS[outcome] },
		el("span", { "aria-hidden": "true" }, outcome),
		el("span", { class: "visually-hidden" }, OUTCOME_WORDS[outcome]),
	);
}

/**
 * @param {import("./format.js").Match[]} matches
 * @param {string} context the competition season of team links: "/PL/2024"
 * @param {string} label what the list is, for assistive technology
 * @param {{ teamId?: string, showRound?: boolean }} [options] a team's results show its outcome and each match's round
 */
export function matchList(matches, context, label, options = {}) {
	const items = matches.map(match => {
		const when = [
			kickOff(match.utcDate),
			options.showRound ? roundLabel(match) : null,
			match.group ? stageName(match.group) : null,
		];
		return el(
			"li",
			{ class: "match", "data-match": match.id },
			el(
				"p",
				{ class: "match-when" },
				el("time", { datetime: match.utcDate }, when.filter(Boolean).join(" · ")),
			),
			el(
				"div",
				{ class: "match-line" },
				el("span", { class: "home" }, teamLink(match.homeTeam, context)),
				scoreCell(match),
				el("span", { class: "away" }, teamLink(match.awayTeam, context)),
				options.teamId ? outcomeBadge(match, options.teamId) : null,
			),
		);
	});
	return el("ol", { class: "matches", "aria-label": label }, ...items);
}
