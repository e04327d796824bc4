// Every service a node can run, by full name. `SERVICES` picks from these.
import type { ServiceSchema } from "moleculer";

type Loader = () => ServiceSchema;

// Loaded lazily so that a node only builds (and configures) the services it runs.
export const SERVICE_CATALOGUE: Record<string, Loader> = {
	"api": () => require("../services/api/api.service").default,
	"v1.sync": () => require("../services/sync/sync.v1.service").default,
	"v1.players": () => require("../services/players/players.v1.service").default,
	"v1.competitions": () => require("../services/competitions/competitions.v1.service").default,
	"v1.teams": () => require("../services/teams/teams.v1.service").default,
	"v1.results": () => require("../services/results/results.v1.service").default,
	"v2.results": () => require("../services/results/results.v2.service").default,
	"v1.standings": () => require("../services/standings/standings.v1.service").default,
};

/**
 * The services named by `SERVICES`: full names (`v1.players`) or bare names for every
 * version (`players`); none means all. Throws on a name that matches nothing.
 */
export function selectServices(names: string[]): string[] {
	const all = Object.keys(SERVICE_CATALOGUE);
	if (names.length === 0) return all;
	const selected = new Set<string>();
	for (const name of names) {
		const matches = all.filter(full => full === name || full.replace(/^v\d+\./, "") === name);
		if (matches.length === 0) throw new Error(`Unknown service "${name}" in SERVICES; known: ${all.join(", ")}`);
		matches.forEach(match => selected.add(match));
	}
	return [...selected];
}
