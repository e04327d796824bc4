// @ts-check
// The cluster page: every node with the service versions it runs and the requests it handles,
// and how far each projection is behind sync's log. Read from GET /api/cluster every few
// seconds while the page is open and visible.
import * as api from "./api.js";
import { el, notice, replace, row, table } from "./dom.js";

const POLL_MS = 5_000;

/**
 * @typedef {{ action: string, total: number, perMinute: number }} ActionRate
 * @typedef {{ id: string, available: boolean, local: boolean, cpu: number | null, moleculerVersion: string | null,
 *   services: Array<{ name: string, version: string }>, requestsPerMinute: number | null, actions: ActionRate[] | null }} ClusterNode
 * @typedef {{ node: string, head: number, published: number, lastSync: number, consumers: Array<{ consumer: string, checkpoint: number, lag: number, repairs: number }> }} SyncStatus
 * @typedef {{ generatedAt: string, nodes: ClusterNode[], services: Array<{ service: string, version: string, nodes: string[] }>, sync: SyncStatus | null }} ClusterView
 */

const number = new Intl.NumberFormat();

/** @param {string} term @param {string} value */
const fact = (term, value) => [el("dt", {}, term), el("dd", {}, value)];

/** @param {ClusterNode} node */
function nodeCard(node) {
	const actions = (node.actions ?? []).filter(action => action.total > 0);
	return el(
		"li",
		{ class: "card node", "data-node": node.id },
		el(
			"h3",
			{},
			node.id,
			node.local ? el("span", { class: "muted" }, " (this gateway)") : null,
		),
		el(
			"p",
			{ class: `state state-${node.available ? "up" : "down"}` },
			node.available ? "Available" : "Unavailable",
		),
		el(
			"dl",
			{ class: "facts" },
			...fact(
				"Requests",
				node.requestsPerMinute === null
					? "not known"
					: `${number.format(node.requestsPerMinute)} per minute`,
			),
			...fact("CPU", node.cpu === null ? "not known" : `${node.cpu} %`),
			...fact("Moleculer", node.moleculerVersion ?? "not known"),
		),
		el("h4", {}, "Services"),
		node.services.length
			? el(
					"ul",
					{ class: "chips", "aria-label": `Services on ${node.id}` },
					...node.services.map(service => el("li", { class: "chip" }, service.name)),
				)
			: el("p", { class: "muted" }, "None (a node without services, e.g. a REPL)."),
		actions.length
			? table(
					`Requests handled on ${node.id}`,
					[
						{ label: "Action", className: "wide" },
						{ label: "Per minute", className: "num" },
						{ label: "Since start", className: "num" },
					],
					actions.map(action =>
						row([
							[el("code", {}, action.action), "wide"],
							[number.format(action.perMinute), "num"],
							[number.format(action.total), "num"],
						]),
					),
				)
			: null,
	);
}

/** @param {SyncStatus | null} sync */
function syncSection(sync) {
	const section = el(
		"section",
		{ "aria-labelledby": "sync-heading" },
		el("h2", { id: "sync-heading" }, "Projections and sync"),
	);
	if (!sync) {
		section.append(notice("No node runs sync right now."));
		return section;
	}
	const lastSync = sync.lastSync ? new Date(sync.lastSync).toLocaleTimeString() : "not yet";
	section.append(
		el(
			"p",
			{},
			`Sync runs on ${sync.node}. Its log's head is at ${number.format(sync.head)}, published up to ${number.format(sync.published)}; last sync: ${lastSync}.`,
		),
		sync.consumers.length
			? table(
					"Each projection's checkpoint and lag (changes behind the head), and its repairs (drift anti-entropy fixed)",
					[
						{ label: "Projection", className: "wide" },
						{ label: "Checkpoint", className: "num" },
						{ label: "Lag", className: "num" },
						{ label: "Repairs", className: "num" },
					],
					sync.consumers.map(consumer =>
						row([
							[el("code", {}, consumer.consumer), "wide"],
							[number.format(consumer.checkpoint), "num"],
							[
								el(
									"span",
									{ class: consumer.lag === 0 ? "lag-none" : "lag-some" },
									consumer.lag === 0
										? "0 (in sync)"
										: number.format(consumer.lag),
								),
								"num",
							],
							[number.format(consumer.repairs ?? 0), "num"],
						]),
					),
				)
			: notice("No projection has read the feed yet."),
	);
	return section;
}

/** @param {ClusterView} view */
function clusterParts(view) {
	const available = view.nodes.filter(node => node.available).length;
	return [
		el(
			"p",
			{ class: "lead" },
			`${view.nodes.length} ${view.nodes.length === 1 ? "node" : "nodes"} (${available} available), ${view.services.length} services.`,
		),
		el(
			"section",
			{ "aria-labelledby": "nodes-heading" },
			el("h2", { id: "nodes-heading" }, "Nodes"),
			el("ul", { class: "cards cards-wide" }, ...view.nodes.map(nodeCard)),
		),
		el(
			"div",
			{ class: "columns" },
			syncSection(view.sync),
			el(
				"section",
				{ "aria-labelledby": "services-heading" },
				el("h2", { id: "services-heading" }, "Services"),
				table(
					"Each service version and its nodes",
					[
						{ label: "Service" },
						{ label: "Version" },
						{ label: "Nodes", className: "wide" },
					],
					view.services.map(service =>
						row([
							el("code", {}, service.service),
							service.version,
							[service.nodes.join(", "), "wide"],
						]),
					),
				),
			),
		),
	];
}

/** @type {import("./main.js").View} */
export async function renderCluster({ main, signal }) {
	document.title = "Cluster — matchday";
	const updated = el("p", { class: "muted", id: "cluster-updated" }, "Loading…");
	const content = el("div", { id: "cluster-content" });
	replace(main, el("h1", {}, "Cluster"), updated, content);

	let timer = 0;
	let shown = false;
	const refresh = async () => {
		// A hidden tab asks nothing; it catches up on the next tick once visible.
		if (!document.hidden) {
			try {
				const view = await api.cluster(signal);
				replace(content, ...clusterParts(view));
				shown = true;
				updated.textContent = `Updated at ${new Date(view.generatedAt).toLocaleTimeString()}; refreshed every ${POLL_MS / 1000} s.`;
			} catch (error) {
				if (api.isAbort(error)) return;
				const reason = error instanceof Error ? error.message : String(error);
				if (shown)
					updated.textContent = `Could not refresh (${reason}); trying again in ${POLL_MS / 1000} s.`;
				else
					replace(
						content,
						notice(`The cluster view could not be loaded: ${reason}`, "error"),
					);
			}
		}
		if (!signal.aborted) timer = window.setTimeout(refresh, POLL_MS);
	};
	await refresh();
	return () => clearTimeout(timer);
}
