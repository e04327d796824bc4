// The production topology: which node groups run, each with one service version, and how many
// replicas. It is read from the services themselves (their files, and the replicas each one
// declares in `metadata.deployment`): `npm run cluster` starts exactly this, and
// docker-compose.yml is checked against it by a test (test/integration/compose.test.ts).
import { discoverServices, loadService, type ServiceEntry } from "./discovery";
import { FEED_SERVICE } from "../contracts";

export interface NodeGroup {
	/** The group's name: the compose service, and the prefix of its node ids (`players-1`). */
	name: string;
	/** What its nodes run (a SERVICES value): one service each. */
	services: string;
	/** How many nodes run it. Read services scale out; sync is the single writer of the master. */
	replicas: number;
}

/** What a service declares about its deployment (in its schema's metadata). */
export interface Deployment {
	replicas?: number;
}

function replicasOf(entry: ServiceEntry): number {
	const deployment = (loadService(entry).metadata as { deployment?: Deployment } | undefined)
		?.deployment;
	return deployment?.replicas ?? 1;
}

/** A group is named after its service; where a service has several versions, after the version too (`results-v2`). */
function groupName(entry: ServiceEntry, all: ServiceEntry[]): string {
	const versions = all.filter(other => other.name === entry.name).length;
	const base = entry.fullName === FEED_SERVICE ? "sync" : entry.name;
	return versions > 1 && entry.version !== null ? `${base}-v${entry.version}` : base;
}

/** The gateway first, then sync (every projection's source), then the rest by name. */
function startOrder(entry: ServiceEntry): string {
	if (entry.version === null) return `0 ${entry.fullName}`;
	return entry.fullName === FEED_SERVICE
		? `1 ${entry.fullName}`
		: `2 ${entry.name} ${entry.version}`;
}

/** The node groups of the services found under `root` (services/ by default). */
export function topology(entries: ServiceEntry[] = discoverServices()): NodeGroup[] {
	return [...entries]
		.sort((a, b) => startOrder(a).localeCompare(startOrder(b)))
		.map(entry => ({
			name: groupName(entry, entries),
			services: entry.fullName,
			replicas: replicasOf(entry),
		}));
}

/** Node ids of a group: `players-1`, `players-2`, … */
export function nodeIds(group: NodeGroup): string[] {
	return Array.from({ length: group.replicas }, (_, i) => `${group.name}-${i + 1}`);
}
