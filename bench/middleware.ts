// What Moleculer's per-request features cost on each end of a call: the validator, request
// tracking (graceful stop) and metrics, each switched off in turn on both ends, and what is
// left with all three off (the context and the call path). The caller is this process, the
// service a node of its own (bench/middleware-node.ts) across NATS, so each end's CPU is read
// from its own process; then the same calls in one process without a hop. The action is
// v1.competitions.list's params schema with a fixed page for an answer, so no work of ours is
// in the figures.
import { spawn } from "node:child_process";
import type { BrokerOptions, ServiceSchema } from "moleculer";
import { ServiceBroker } from "moleculer";
import { natsOptions } from "../platform/nats";
import { paramsValidator } from "../platform/validator";
import { competitionsListParams } from "../services/competitions/competitions.contract";
import { REPO_ROOT } from "../tools/servers";
import { callLoad, cpuMicros, type Load, type LoadOptions } from "./load";

export interface Features {
	validator: boolean;
	tracking: boolean;
	metrics: boolean;
}

const ALL_ON: Features = { validator: true, tracking: true, metrics: true };

/** The variants measured, the first being every node's configuration (moleculer.config.ts). */
export const MIDDLEWARE_VARIANTS: Array<{ label: string; features: Features }> = [
	{ label: "validator, tracking and metrics on (the default)", features: ALL_ON },
	{ label: "validator off", features: { ...ALL_ON, validator: false } },
	{ label: "tracking off", features: { ...ALL_ON, tracking: false } },
	{ label: "metrics off", features: { ...ALL_ON, metrics: false } },
	{ label: "all three off", features: { validator: false, tracking: false, metrics: false } },
];

/** The params of every call: what the gateway sends for `/api/v1/competitions?area=ENG`. */
const PARAMS = { area: "ENG", page: 1, pageSize: 20 };

/** About the size of a competitions page (1.7 KB of JSON). */
const PAGE = {
	data: Array.from({ length: 8 }, (_, i) => ({
		id: `competition-${i}`,
		code: `C${i}`,
		name: `Competition number ${i}`,
		type: "LEAGUE",
		area: { code: "ENG", name: "England" },
		seasons: [{ id: `season-${i}`, label: "2024/25", startDate: "2024-08-16" }],
	})),
	page: 1,
	pageSize: 20,
	total: 8,
};

export function benchService(): ServiceSchema {
	return {
		name: "page",
		version: 1,
		actions: { list: { params: competitionsListParams, handler: () => PAGE } },
	};
}

export function benchBrokerOptions(
	features: Features,
	bus: { nodeID: string; namespace: string; transporter?: string },
): BrokerOptions {
	return {
		nodeID: bus.nodeID,
		namespace: bus.namespace,
		transporter: bus.transporter
			? { type: "NATS", options: natsOptions(bus.transporter, undefined) }
			: undefined,
		logger: false,
		validator: features.validator ? paramsValidator() : false,
		tracking: { enabled: features.tracking },
		metrics: { enabled: features.metrics },
		tracing: { enabled: false },
	};
}

export interface MiddlewareRow {
	variant: string;
	/** Across NATS (caller and service nodes apart) or in one process. */
	path: "NATS" | "one process";
	load: Load;
	/** CPU per call of the calling process, and of the service's when it is another. */
	callerMicros: number;
	serviceMicros: number | null;
}

function startServiceNode(features: Features, transporter: string, namespace: string) {
	return spawn(process.execPath, ["--import", "tsx", "bench/middleware-node.ts"], {
		cwd: REPO_ROOT,
		env: {
			...process.env,
			TRANSPORTER: transporter,
			NAMESPACE: namespace,
			BENCH_FEATURES: JSON.stringify(features),
		},
		stdio: ["ignore", "ignore", "inherit"],
	});
}

async function timed(
	broker: ServiceBroker,
	opts: LoadOptions,
	servicePid: number | null,
): Promise<Omit<MiddlewareRow, "variant" | "path">> {
	const call = () => broker.call("v1.page.list", PARAMS);
	// A warm-up: V8 compiles the hot path, fastest-validator its checker.
	await callLoad(call, { ...opts, duration: 1 });
	const caller = process.cpuUsage();
	const service = servicePid ? cpuMicros(servicePid) : 0;
	const load = await callLoad(call, opts);
	const used = process.cpuUsage(caller);
	return {
		load,
		callerMicros: (used.user + used.system) / load.requests,
		serviceMicros: servicePid ? (cpuMicros(servicePid) - service) / load.requests : null,
	};
}

async function acrossNats(
	features: Features,
	transporter: string,
	opts: LoadOptions,
): Promise<Omit<MiddlewareRow, "variant" | "path">> {
	const namespace = `bench-middleware-${process.pid}-${Date.now()}`;
	const child = startServiceNode(features, transporter, namespace);
	const broker = new ServiceBroker(
		benchBrokerOptions(features, { nodeID: "bench-caller", namespace, transporter }),
	);
	try {
		await broker.start();
		await broker.waitForServices(["v1.page"], 30_000);
		return await timed(broker, opts, child.pid!);
	} finally {
		await broker.stop();
		child.kill("SIGTERM");
	}
}

async function inOneProcess(
	features: Features,
	opts: LoadOptions,
): Promise<Omit<MiddlewareRow, "variant" | "path">> {
	const broker = new ServiceBroker(
		benchBrokerOptions(features, { nodeID: "bench-local", namespace: "bench-local" }),
	);
	broker.createService(benchService());
	await broker.start();
	try {
		return await timed(broker, opts, null);
	} finally {
		await broker.stop();
	}
}

/** Rounds of every variant, interleaved, so that a drift of the machine's speed meets them all. */
const ROUNDS = 3;

/** Of a variant's rounds, the one of median CPU per call (both ends). */
function medianRound(rounds: Array<Omit<MiddlewareRow, "variant" | "path">>) {
	const total = (r: (typeof rounds)[number]) => r.callerMicros + (r.serviceMicros ?? 0);
	return [...rounds].sort((a, b) => total(a) - total(b))[Math.floor(rounds.length / 2)];
}

/** Every variant across NATS, then every variant in one process, ROUNDS times each. */
export async function benchMiddlewares(
	transporter: string,
	opts: LoadOptions,
	log: (message: string) => void,
): Promise<MiddlewareRow[]> {
	const paths = [
		["NATS", (f: Features) => acrossNats(f, transporter, opts)],
		["one process", (f: Features) => inOneProcess(f, opts)],
	] as const;
	const rows: MiddlewareRow[] = [];
	for (const [path, run] of paths) {
		const rounds = MIDDLEWARE_VARIANTS.map(() => [] as Array<Awaited<ReturnType<typeof run>>>);
		for (let round = 1; round <= ROUNDS; round++)
			for (const [i, { label, features }] of MIDDLEWARE_VARIANTS.entries()) {
				log(`middlewares, ${path}, round ${round}: ${label}`);
				rounds[i].push(await run(features));
			}
		for (const [i, { label }] of MIDDLEWARE_VARIANTS.entries())
			rows.push({ variant: label, path, ...medianRound(rounds[i]) });
	}
	return rows;
}
