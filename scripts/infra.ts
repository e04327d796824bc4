// `npm run infra:up` / `infra:down`: real NATS and FerretDB on loopback for development and
// tests. `up` writes their URLs to .infra/env (shell) and .infra/env.json; `down` stops them.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, startTestServers } from "../tools/servers";
import { newSigningKeys } from "../contracts/signing";
import { redactedUrl } from "../platform/nats";

const INFRA_DIR = join(REPO_ROOT, ".infra");
const STATE = join(INFRA_DIR, "env.json");

interface InfraState {
	TRANSPORTER: string;
	MONGO_URI: string;
	pids: number[];
	dataDir: string;
}

async function up(): Promise<void> {
	if (existsSync(STATE)) {
		const state = JSON.parse(readFileSync(STATE, "utf8")) as InfraState;
		if (state.pids.every(isAlive)) {
			console.log(
				`Already up: TRANSPORTER=${redactedUrl(state.TRANSPORTER)} MONGO_URI=${state.MONGO_URI}`,
			);
			return;
		}
	}
	const servers = await startTestServers({ detached: true });
	mkdirSync(INFRA_DIR, { recursive: true });
	const state: InfraState = {
		TRANSPORTER: servers.transporter,
		MONGO_URI: servers.mongoUri,
		pids: servers.pids,
		dataDir: servers.dataDir,
	};
	writeFileSync(STATE, JSON.stringify(state, null, 2));
	// The bus credentials are in TRANSPORTER; sync's key pair is made for these servers' data.
	const keys = newSigningKeys();
	const ingest = newSigningKeys();
	writeFileSync(
		join(INFRA_DIR, "env"),
		[
			`export TRANSPORTER='${state.TRANSPORTER}'`,
			`export MONGO_URI='${state.MONGO_URI}'`,
			`export SYNC_SIGNING_KEY='${keys.privateKey}'`,
			`export SYNC_VERIFY_KEY='${keys.publicKey}'`,
			`export INGEST_SIGNING_KEY='${ingest.privateKey}'`,
			`export INGEST_VERIFY_KEY='${ingest.publicKey}'`,
			"",
		].join("\n"),
		{ mode: 0o600 },
	);
	console.log(
		`NATS:     ${redactedUrl(state.TRANSPORTER)}\nFerretDB: ${state.MONGO_URI}\nWritten to .infra/env (source it: the bus credentials, sync's and ingest's keys) and .infra/env.json.`,
	);
	// The servers outlive this command: hand them over to the system and leave.
	process.exit(0);
}

async function down(): Promise<void> {
	if (!existsSync(STATE)) {
		console.log("Nothing to stop (.infra/env.json not found).");
		return;
	}
	const state = JSON.parse(readFileSync(STATE, "utf8")) as InfraState;
	for (const pid of state.pids) {
		if (isAlive(pid)) process.kill(pid, "SIGTERM");
	}
	const deadline = Date.now() + 5000;
	while (state.pids.some(isAlive) && Date.now() < deadline)
		await new Promise(r => setTimeout(r, 100));
	state.pids.filter(isAlive).forEach(pid => process.kill(pid, "SIGKILL"));
	rmSync(state.dataDir, { recursive: true, force: true });
	rmSync(INFRA_DIR, { recursive: true, force: true });
	console.log("NATS and FerretDB stopped.");
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

const command = process.argv[2];
if (command === "up") void up();
else if (command === "down") void down();
else {
	console.error("usage: infra.ts up|down");
	process.exit(2);
}
