// `npm run repl`: a node with no services that joins the running cluster over NATS and opens
// moleculer-repl. Its own commands beside Moleculer's (`call`, `nodes`, `services`, `actions`,
// `events`, …): `topology` (which versions run on which nodes), `sync` (request a sync,
// then show the head and each consumer's lag and repairs) and `keys` (clients' API keys). The cluster is found through TRANSPORTER and
// NAMESPACE, or else through the .cluster/env.json that `npm run cluster` writes.
import { existsSync, readFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import type { ReplOptions, ServiceBroker } from "moleculer";
import { ServiceBroker as Broker } from "moleculer";
import brokerConfig from "../moleculer.config";
import { config } from "./config";
import {
	OperationError,
	requestSync,
	syncStatus,
	type SyncStatus,
	topology,
} from "../contracts/operator-views";
import { natsOptions } from "./nats";
import { type KeysOptions, keysCommand } from "./repl-keys";
import { RedisGatewayStore } from "../storage/gateway-store";

type ReplCommand = NonNullable<ReplOptions["customCommands"]>[number];

interface Helpers {
	table(rows: string[][]): string;
}

function clusterAddress(): { transporter: string; namespace: string } {
	const settings = config();
	if (settings.transporter)
		return { transporter: settings.transporter, namespace: settings.namespace };
	const file = join(__dirname, "..", ".cluster", "env.json");
	if (existsSync(file)) {
		const found = JSON.parse(readFileSync(file, "utf8")) as {
			TRANSPORTER: string;
			NAMESPACE: string;
		};
		return {
			transporter: found.TRANSPORTER,
			namespace: process.env.NAMESPACE ?? found.NAMESPACE,
		};
	}
	throw new OperationError(
		"No cluster to join: start one with `npm run cluster`, or set TRANSPORTER (and NAMESPACE).",
	);
}

function print(text: string): void {
	console.log(text);
}

function syncTable(helpers: Helpers, status: SyncStatus): string {
	const rows = [
		["Consumer", "Checkpoint", "Lag", "Repairs"],
		...status.consumers.map(c => [
			c.consumer,
			String(c.checkpoint),
			String(c.lag),
			String(c.repairs),
		]),
	];
	return helpers.table(rows);
}

interface CommandArgs {
	options?: Record<string, unknown>;
}

/** Runs a command's work and prints its failure as one line, as Moleculer's own commands do. */
function guarded(
	run: (broker: ServiceBroker, helpers: Helpers, args: CommandArgs) => Promise<void>,
): ReplCommand["action"] {
	return async (broker, args, helpers: Helpers) => {
		try {
			await run(broker, helpers, args as unknown as CommandArgs);
		} catch (err) {
			print(`>> ${err instanceof OperationError ? err.message : String(err)}`);
		}
	};
}

export const REPL_COMMANDS: ReplCommand[] = [
	{
		command: "topology",
		description: "Which service versions run on which nodes, and the database each owns",
		action: guarded(async (broker, helpers) => {
			const rows = topology(broker);
			print(
				helpers.table([
					["Service", "Version", "Nodes", "Database"],
					...rows.map(r => [r.service, r.version, r.nodes.join(", "), r.database]),
				]),
			);
		}),
	},
	{
		command: "sync",
		description: "Ask sync to re-read its source; show the new head and each consumer's lag",
		options: [
			{ option: "--status", description: "only show the head and the lag, request nothing" },
		],
		action: guarded(async (broker, helpers, args) => {
			if (args.options?.status) {
				const now = await syncStatus(broker);
				print(`Sync on ${now.node}: head ${now.head}, published ${now.published}.`);
				print(syncTable(helpers, now));
				return;
			}
			print("Sync requested; waiting for it to finish…");
			const { before, after } = await requestSync(broker, "requested from the REPL");
			const changes = after.head - before.head;
			print(
				`Sync on ${after.node}: head ${before.head} → ${after.head} (${changes} change${changes === 1 ? "" : "s"}), published ${after.published}.`,
			);
			print(syncTable(helpers, after));
		}),
	},
	{
		command: "keys",
		description: "Clients' API keys in the gateways' Redis (GATEWAY_STORE): list, make, revoke",
		options: [
			{ option: "--create <name>", description: "make a key for <name>; it is shown once" },
			{ option: "--limit <n>", description: "with --create: requests per window; 0 is none" },
			{ option: "--revoke <id>", description: "revoke the key with this id" },
		],
		action: guarded(async (_broker, helpers, args) => {
			const { gatewayStore, apiKeyLimit } = config();
			if (gatewayStore === "memory")
				throw new OperationError(
					"keys: set GATEWAY_STORE to the gateways' Redis URL; with memory, each gateway keeps its own keys (make them on its /api/admin/keys).",
				);
			const store = new RedisGatewayStore(gatewayStore);
			try {
				await store.connect();
				const answer = await keysCommand(
					store,
					(args.options ?? {}) as KeysOptions,
					apiKeyLimit,
				);
				print(typeof answer === "string" ? answer : helpers.table(answer));
			} finally {
				await store.close();
			}
		}),
	},
];

async function main(): Promise<void> {
	const { transporter, namespace } = clusterAddress();
	const broker = new Broker({
		...brokerConfig,
		namespace,
		nodeID: `repl-${hostname()}-${process.pid}`,
		transporter: { type: "NATS", options: natsOptions(transporter, config().natsAuth) },
		// The REPL's screen is for answers: only warnings and errors from the broker itself.
		logLevel: "warn",
		logger: { type: "Console", options: { level: "warn", formatter: "short" } },
		middlewares: [],
		replOptions: { delimiter: "matchday $", customCommands: REPL_COMMANDS },
	});
	await broker.start();
	// Give the registry a moment to hear every node before the first command.
	await new Promise(r => setTimeout(r, 1000));
	console.log(
		`Joined ${namespace} on ${transporter} as ${broker.nodeID}. Try: topology · services · call v1.players.list --team argentina · sync · help · quit`,
	);
	broker.repl();
}

main().catch(err => {
	console.error(err instanceof OperationError ? err.message : err);
	process.exit(1);
});
