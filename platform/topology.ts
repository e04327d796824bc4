// The production topology: which nodes run, each with one service, and how many replicas.
// `npm run cluster` starts exactly this; docker-compose.yml declares the same (a test checks).

export interface NodeGroup {
	/** The group's name: the compose service, and the prefix of its node ids (`players-1`). */
	name: string;
	/** What its nodes run (a SERVICES value): one service each. */
	services: string;
	/** How many nodes run it. Read services scale out; sync is the single writer of the master. */
	replicas: number;
}

export const TOPOLOGY: readonly NodeGroup[] = [
	{ name: "api", services: "api", replicas: 1 },
	{ name: "sync", services: "v1.sync", replicas: 1 },
	{ name: "players", services: "v1.players", replicas: 2 },
	{ name: "competitions", services: "v1.competitions", replicas: 1 },
	{ name: "teams", services: "v1.teams", replicas: 1 },
	{ name: "results-v1", services: "v1.results", replicas: 2 },
	{ name: "results-v2", services: "v2.results", replicas: 1 },
	{ name: "standings", services: "v1.standings", replicas: 1 },
];

/** Node ids of a group: `players-1`, `players-2`, … */
export function nodeIds(group: NodeGroup): string[] {
	return Array.from({ length: group.replicas }, (_, i) => `${group.name}-${i + 1}`);
}
