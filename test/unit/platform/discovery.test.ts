// Service discovery from the folders, SERVICES, and the topology the services declare.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { discoverServices, selectServices } from "../../../platform/discovery";
import { topology } from "../../../platform/topology";

const names = (entries: Array<{ fullName: string }>) => entries.map(entry => entry.fullName);
const all = discoverServices();

describe("discoverServices", () => {
	test("finds every service version under services/ by its file name, each once", () => {
		expect(names(all)).toEqual([
			"api",
			"v1.competition",
			"v1.competitions",
			"v1.head2head",
			"v1.ingest",
			"v1.live",
			"v1.persons",
			"v1.players",
			"v1.results",
			"v1.scorers",
			"v1.standings",
			"v1.sync",
			"v1.team",
			"v1.teams",
			"v2.head2head",
			"v2.matches",
			"v2.results",
		]);
		expect(all.find(entry => entry.fullName === "v2.results")).toMatchObject({
			name: "results",
			version: 2,
			folder: "results",
		});
	});

	test("a file dropped into a folder is a new service version; other files and declaration files are not services", () => {
		const root = mkdtempSync(join(tmpdir(), "discovery-"));
		try {
			mkdirSync(join(root, "results"));
			for (const file of [
				"results.v2.service.ts",
				"results.v3.service.ts",
				"results.v3.service.d.ts",
				"results.query.ts",
				"notes.md",
			])
				writeFileSync(join(root, "results", file), "");
			mkdirSync(join(root, "api"));
			writeFileSync(join(root, "api", "api.service.js"), "");
			writeFileSync(join(root, "stray.v1.service.ts"), ""); // not in a folder: not a service
			expect(names(discoverServices(root))).toEqual(["api", "v2.results", "v3.results"]);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});

	test("a .ts file and its compiled .js side by side are one service", () => {
		const root = mkdtempSync(join(tmpdir(), "discovery-"));
		try {
			mkdirSync(join(root, "teams"));
			writeFileSync(join(root, "teams", "teams.v1.service.ts"), "");
			writeFileSync(join(root, "teams", "teams.v1.service.js"), "");
			expect(names(discoverServices(root))).toEqual(["v1.teams"]);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});

describe("selectServices (SERVICES)", () => {
	test("no names means every service", () => {
		expect(selectServices(all, [])).toEqual(all);
	});

	test("full names and bare names (every version) both work", () => {
		expect(names(selectServices(all, ["v1.players", "results", "api"]))).toEqual([
			"v1.players",
			"v1.results",
			"v2.results",
			"api",
		]);
		expect(names(selectServices(all, ["v2.results"]))).toEqual(["v2.results"]);
	});

	test("an unknown name is refused with the list of known ones", () => {
		expect(() => selectServices(all, ["scores"])).toThrow(
			`Unknown service "scores" in SERVICES; known: ${names(all).join(", ")}`,
		);
	});
});

describe("the topology", () => {
	const groups = topology();

	test("every service found runs in exactly one node group, with the replicas it declares", () => {
		expect(groups.map(group => group.services).sort()).toEqual(names(all).sort());
		expect(groups).toEqual([
			{ name: "api", services: "api", replicas: 1 },
			{ name: "sync", services: "v1.sync", replicas: 1 },
			{ name: "competition", services: "v1.competition", replicas: 1 },
			{ name: "competitions", services: "v1.competitions", replicas: 1 },
			{ name: "head2head-v1", services: "v1.head2head", replicas: 1 },
			{ name: "head2head-v2", services: "v2.head2head", replicas: 1 },
			{ name: "ingest", services: "v1.ingest", replicas: 1 },
			{ name: "live", services: "v1.live", replicas: 1 },
			{ name: "matches", services: "v2.matches", replicas: 1 },
			{ name: "persons", services: "v1.persons", replicas: 1 },
			{ name: "players", services: "v1.players", replicas: 2 },
			{ name: "results-v1", services: "v1.results", replicas: 2 },
			{ name: "results-v2", services: "v2.results", replicas: 1 },
			{ name: "scorers", services: "v1.scorers", replicas: 1 },
			{ name: "standings", services: "v1.standings", replicas: 1 },
			{ name: "team", services: "v1.team", replicas: 1 },
			{ name: "teams", services: "v1.teams", replicas: 1 },
		]);
	});
});
