// @ts-check
// The dashboard: one page whose views are named by the URL's hash (#/teams/arsenal-fc), so
// that every view can be linked, bookmarked and reached with the back button.
import { isAbort } from "./api.js";
import { renderCluster } from "./cluster.js";
import { renderCompetitions, renderSeason } from "./competitions.js";
import { renderLive, renderMatch } from "./live.js";
import { notice, replace } from "./dom.js";
import { renderPlayers } from "./players.js";
import { renderTeam } from "./team.js";

/**
 * A view fills `main` for the route's captures; it may return a function that stops what it
 * left running (a poll). `signal` aborts when the reader moves on.
 * @typedef {{ main: HTMLElement, captures: string[], query: URLSearchParams, signal: AbortSignal }} ViewContext
 * @typedef {(context: ViewContext) => Promise<(() => void) | void>} View
 */

/** @type {Array<{ pattern: RegExp, view: View, section: string }>} */
const ROUTES = [
	{ pattern: /^\/$/, view: renderCompetitions, section: "competitions" },
	{
		pattern: /^\/competitions\/([A-Z0-9]+)\/(\d{4})(?:\/round\/([a-z0-9-]+))?$/,
		view: renderSeason,
		section: "competitions",
	},
	{
		pattern: /^\/teams\/([a-z0-9-]+)(?:\/([A-Z0-9]+)\/(\d{4}))?$/,
		view: renderTeam,
		section: "competitions",
	},
	{ pattern: /^\/live$/, view: renderLive, section: "live" },
	{ pattern: /^\/matches\/([a-z0-9-]+)$/, view: renderMatch, section: "live" },
	{ pattern: /^\/players$/, view: renderPlayers, section: "players" },
	{ pattern: /^\/cluster$/, view: renderCluster, section: "cluster" },
];

const main = /** @type {HTMLElement} */ (document.getElementById("main"));

/** What the current view needs stopped when the next one starts. */
let current = {
	controller: new AbortController(),
	stop: /** @type {(() => void) | void} */ (undefined),
};

/** Marks the navigation link of the section being shown. @param {string} section */
function markSection(section) {
	for (const item of document.querySelectorAll("[data-section]")) {
		if (item.getAttribute("data-section") === section)
			item.setAttribute("aria-current", "page");
		else item.removeAttribute("aria-current");
	}
}

/** Shows the view the hash names. @param {{ moveFocus: boolean }} options */
async function show({ moveFocus }) {
	current.controller.abort();
	if (current.stop) current.stop();
	const controller = new AbortController();
	current = { controller, stop: undefined };

	// Routes are plain ASCII; the query is decoded by URLSearchParams.
	const [path, search = ""] = (location.hash.slice(1) || "/").split("?");
	const route = ROUTES.find(candidate => candidate.pattern.test(path));
	markSection(route ? route.section : "");
	if (moveFocus) {
		// Keyboard and screen-reader users start at the new content, as after a page load.
		main.focus({ preventScroll: true });
		window.scrollTo(0, 0);
	}
	if (!route) {
		document.title = "Not found — matchday";
		replace(main, notice("There is no such page. Choose one from the menu above."));
		return;
	}
	try {
		const captures = /** @type {RegExpExecArray} */ (route.pattern.exec(path)).slice(1);
		const stop = await route.view({
			main,
			captures,
			query: new URLSearchParams(search),
			signal: controller.signal,
		});
		if (controller.signal.aborted) {
			if (stop) stop();
		} else current.stop = stop;
	} catch (error) {
		if (isAbort(error) || controller.signal.aborted) return;
		replace(
			main,
			notice(
				`This page could not be shown: ${error instanceof Error ? error.message : String(error)}`,
				"error",
			),
		);
	}
}

// The hash names views, so the skip link moves focus itself instead of following "#main".
document.querySelector(".skip-link")?.addEventListener("click", event => {
	event.preventDefault();
	main.focus();
});
window.addEventListener("hashchange", () => void show({ moveFocus: true }));
void show({ moveFocus: false });
