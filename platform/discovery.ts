// Finds the services a node can run from the folders under services/, by file name: a file
// `<name>.v<N>.service.ts` is version N of `<name>`, `<name>.service.ts` an unversioned one (the
// gateway). Adding a service, or a version, is adding a file: there is no list to edit.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { ServiceSchema } from "moleculer";

/** One service version found in the tree. */
export interface ServiceEntry {
	/** As Moleculer names it: `v1.players`, or `api` for an unversioned service. */
	fullName: string;
	name: string;
	version: number | null;
	/** Its folder under services/, e.g. `players`. */
	folder: string;
	/** The file to load. */
	file: string;
}

/** services/ next to platform/, in the sources and in the compiled dist/ alike. */
export const SERVICES_DIR = join(__dirname, "..", "services");

// `.ts` when run from the sources (tsx, ts-jest), `.js` in dist/; never a declaration file.
const SERVICE_FILE = /^([a-z][a-z0-9-]*)(?:\.v(\d+))?\.service\.(?:ts|js)$/;

/** Every service version under `root`, in a stable order (by full name). */
export function discoverServices(root: string = SERVICES_DIR): ServiceEntry[] {
	if (!existsSync(root)) return [];
	const entries: ServiceEntry[] = [];
	for (const folder of readdirSync(root, { withFileTypes: true })) {
		if (!folder.isDirectory()) continue;
		for (const file of readdirSync(join(root, folder.name))) {
			const match = SERVICE_FILE.exec(file);
			if (!match || file.endsWith(".d.ts")) continue;
			const [, name, version] = match;
			const fullName = version ? `v${version}.${name}` : name;
			if (entries.some(entry => entry.fullName === fullName)) continue; // a .ts and its compiled .js side by side
			entries.push({
				fullName,
				name,
				version: version ? Number(version) : null,
				folder: folder.name,
				file: join(root, folder.name, file),
			});
		}
	}
	return entries.sort((a, b) => a.fullName.localeCompare(b.fullName));
}

/**
 * The services named by `SERVICES`: full names (`v1.players`) or bare names for every
 * version (`players`); none means all. Throws on a name that matches nothing.
 */
export function selectServices(entries: ServiceEntry[], names: string[]): ServiceEntry[] {
	if (names.length === 0) return entries;
	const selected = new Set<ServiceEntry>();
	for (const wanted of names) {
		const matches = entries.filter(entry => entry.fullName === wanted || entry.name === wanted);
		if (matches.length === 0) throw new UnknownServiceError(wanted, entries);
		matches.forEach(match => selected.add(match));
	}
	return [...selected];
}

export class UnknownServiceError extends Error {
	constructor(name: string, known: ServiceEntry[]) {
		super(
			`Unknown service "${name}" in SERVICES; known: ${known.map(entry => entry.fullName).join(", ")}`,
		);
	}
}

/** The service's schema: its file's default export. Loaded only when asked, so a node builds only what it runs. */
export function loadService(entry: ServiceEntry): ServiceSchema {
	const loaded = require(entry.file) as { default?: ServiceSchema };
	if (!loaded.default)
		throw new Error(`${entry.file} has no default export (the service schema)`);
	return loaded.default;
}
