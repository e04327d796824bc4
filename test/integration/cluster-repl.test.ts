// An operator's session, for real: `npm run cluster` brings up the whole topology (one process
// per node), `npm run repl` joins it with nothing configured (it finds the cluster through
// .cluster/env.json), commands are typed one at a time and their output read, then Ctrl-C
// stops the cluster. Runs on the test NATS and FerretDB (the cluster uses them when given).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ListResult } from "../../contracts";
import type { ResultsListV2Result } from "../../services/results/results.contract";
import type { Player } from "../../domain/model";
import { freePort, REPO_ROOT } from "../../tools/servers";
import { eventually, getJson, resetDatabases, testEnv } from "../support/cluster";
import { READ_SERVICES } from "../support/services";
import { nodeIds, topology } from "../../platform/topology";

jest.setTimeout(300_000);

// Terminal colour codes, which the REPL writes whatever NO_COLOR says.
// eslint-disable-next-line no-control-regex -- the escape character is exactly what is matched
const ANSI = /\x1b\[[0-9;]*m/g;

/** A process whose output is collected, and read as a person reads a terminal: wait for a line. */
/** As many nodes as the topology has: every service found, with the replicas it declares. */
const NODE_COUNT = topology().flatMap(nodeIds).length;

class Terminal {
	output = "";
	readonly child: ChildProcess;
	private exit?: Promise<number | null>;

	constructor(script: string, env: NodeJS.ProcessEnv, options: { detached?: boolean } = {}) {
		this.child = spawn(process.execPath, ["--import", "tsx", script], {
			cwd: REPO_ROOT,
			env: { ...env, NO_COLOR: "1", FORCE_COLOR: "0" },
			stdio: ["pipe", "pipe", "pipe"],
			// Its own process group, so that "Ctrl-C" can reach it and everything it started.
			detached: options.detached,
		});
		const keep = (chunk: Buffer) => (this.output += chunk.toString().replace(ANSI, ""));
		this.child.stdout?.on("data", keep);
		this.child.stderr?.on("data", keep);
		this.exit = new Promise(done => this.child.once("exit", code => done(code)));
	}

	/** Waits until the output after `from` matches; returns that part of the output. */
	async waitFor(pattern: RegExp, from = 0, timeoutMs = 120_000): Promise<string> {
		return eventually(
			async () => {
				const text = this.output.slice(from);
				if (this.child.exitCode !== null)
					throw new Error(
						`exited (${this.child.exitCode}):\n${this.output.slice(-3000)}`,
					);
				return pattern.test(text) ? text : undefined;
			},
			timeoutMs,
			`${pattern} in:\n${this.output.slice(-3000)}`,
		);
	}

	/** Types a command and waits for what it should print (and the prompt after it). */
	async type(command: string, expected: RegExp, timeoutMs = 60_000): Promise<string> {
		const from = this.output.length;
		this.child.stdin?.write(`${command}\n`);
		const text = await this.waitFor(expected, from, timeoutMs);
		await this.waitFor(/matchday \$ $/, from, timeoutMs);
		return text;
	}

	exited(): Promise<number | null> {
		return this.exit!;
	}
}

let cluster: Terminal;
let repl: Terminal | undefined;
let baseUrl: string;

beforeAll(async () => {
	const env = testEnv("cluster");
	await resetDatabases(env.mongoUri);
	const port = await freePort();
	baseUrl = `http://127.0.0.1:${port}`;
	cluster = new Terminal(
		"scripts/cluster.ts",
		{
			...process.env,
			TRANSPORTER: env.transporter,
			MONGO_URI: env.mongoUri,
			NAMESPACE: env.namespace,
			PORT: String(port),
		},
		{ detached: true },
	);
	await cluster.waitFor(new RegExp(`matchday cluster is up: ${NODE_COUNT} nodes`), 0, 180_000);
	// As an operator would, wait until the data is there before calling it.
	await eventually(
		async () => {
			const reply = await getJson<ListResult<Player>>(
				`${baseUrl}/api/v1/players?team=argentina&competition=WC`,
			);
			return reply.status === 200 && reply.body.total === 26 ? true : undefined;
		},
		180_000,
		"the players projection",
	);
	await eventually(
		async () => {
			const reply = await getJson<ResultsListV2Result>(
				`${baseUrl}/api/v2/results?competitions=WC&season=2022&stage=FINAL`,
			);
			return reply.status === 200 && reply.body.matches.length === 1 ? true : undefined;
		},
		240_000,
		"the v2 results projection",
	);
});

afterAll(async () => {
	// The cluster's log, every node's lines prefixed with its id, kept like the other suites' node logs.
	if (cluster) {
		mkdirSync(join(REPO_ROOT, "test-artifacts", "logs"), { recursive: true });
		writeFileSync(join(REPO_ROOT, "test-artifacts", "logs", "cluster.log"), cluster.output);
	}
	repl?.child.kill("SIGKILL");
	if (cluster?.child.exitCode === null) process.kill(-cluster.child.pid!, "SIGKILL");
});

describe("npm run cluster and npm run repl", () => {
	test("the REPL joins the running cluster, shows both versions of results and makes live calls", async () => {
		// Nothing configured: no TRANSPORTER, no NAMESPACE; the REPL finds the cluster by itself.
		const { TRANSPORTER: _t, MONGO_URI: _m, NAMESPACE: _n, ...bare } = process.env;
		repl = new Terminal("platform/repl.ts", {
			...bare,
			HOME: mkdtempSync(join(tmpdir(), "matchday-repl-")),
		});
		await repl.waitFor(/Joined .* as repl-/);
		await repl.waitFor(/matchday \$ $/);

		const topology = await repl.type("topology", /v2\.results/);
		const row = (service: string) =>
			topology.split("\n").find(line => line.includes(` ${service} `)) ?? "";
		expect(row("v1.results")).toMatch(/v1\s+│\s+results-v1-1, results-v1-2\s+│\s+v1-results/);
		expect(row("v2.results")).toMatch(/v2\s+│\s+results-v2-1\s+│\s+v2-results/);
		expect(row("v1.players")).toMatch(/players-1, players-2/);

		// Moleculer's own listing: results runs in two versions at once.
		const services = await repl.type("services", /results/);
		const results = services.split("\n").filter(line => /║ results /.test(line));
		expect(results.map(line => line.split("│")[1].trim()).sort()).toEqual(["1", "2"]);

		const squad = await repl.type(
			"call v1.players.list --team argentina --competition WC --pageSize 2",
			/total: 26/,
		);
		expect(squad).toMatch(/Response:/);
		const final = await repl.type(
			"call v2.results.list --competitions WC --season 2022 --stage FINAL",
			/winner:/,
		);
		expect(final).toMatch(/homeTeam: \{[^}]*name: 'Argentina'/);
		expect(final).toMatch(/duration: 'PENALTY_SHOOTOUT'/);

		// A sync on request: nothing changed in the source, and every consumer is at the head.
		const sync = await repl.type(
			"sync",
			/Sync on sync-1: head (\d+) → \1 \(0 changes\)[\s\S]*v2\.results/,
			180_000,
		);
		const head = sync.match(/head (\d+) →/)![1];
		for (const consumer of READ_SERVICES) {
			expect(sync).toMatch(
				new RegExp(`${consumer.replace(".", "\\.")}\\s+│ ${head}\\s+│ 0 `),
			);
		}

		repl.child.stdin?.write("quit\n");
		expect(await repl.exited()).toBe(0);
	});

	test("Ctrl-C stops every node gracefully, then the cluster", async () => {
		const from = cluster.output.length;
		process.kill(-cluster.child.pid!, "SIGINT");
		expect(await cluster.exited()).toBe(0);
		const shutdown = cluster.output.slice(from);
		expect(shutdown).toMatch(/cluster │ stopped cleanly\./);
		const exits = shutdown.match(/^\S+\s+│ exited \(code 0\)$/gm) ?? [];
		expect(exits).toHaveLength(NODE_COUNT);
		expect(shutdown.match(/ServiceBroker is stopped\. Good bye\./g)).toHaveLength(NODE_COUNT);
	});
});
