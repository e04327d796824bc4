// Load and memory measurements: autocannon in a process of its own (so that the load generator
// does not share an event loop with what it measures), the same queries straight through a
// function (the ceiling), and resident memory as the kernel counts it.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../tools/servers";

export interface Load {
	rps: number;
	p50: number;
	p99: number;
	requests: number;
	failures: number;
	/** Measured by a fixed number of requests rather than for a fixed time. */
	counted?: boolean;
	/** CPU time per answered request of each process watched, in microseconds (user + system). */
	cpu?: Record<string, number>;
}

export interface LoadOptions {
	/** Seconds per run. */
	duration: number;
	/** Concurrent connections (or concurrent callers, for the ceiling). */
	connections: number;
}

interface AutocannonResult {
	requests: { total: number };
	"2xx": number;
	latency: { p50: number; p99: number };
	/** Seconds the run took. */
	duration: number;
	non2xx: number;
	errors: number;
	timeouts: number;
	statusCodeStats?: Record<string, { count: number }>;
}

/** A run must see this many answers per connection; an endpoint too slow for that in a timed run is measured by a count of them. */
export const MIN_ANSWERS_PER_CONNECTION = 2;

/** A request slower than this counts as failed. */
export const REQUEST_TIMEOUT_SECONDS = 60;

/** What counts as an answer: a 2xx, or (revalidations) a 304. */
export interface Ask {
	headers?: Record<string, string>;
	answer?: "2xx" | "304";
}

/** Load for `opts.duration` seconds, or, with `amount`, until that many requests are answered. */
export function autocannon(
	url: string,
	opts: LoadOptions,
	amount?: number,
	ask: Ask = {},
): Promise<Load> {
	return new Promise((resolve, reject) => {
		const bin = join(REPO_ROOT, "node_modules", "autocannon", "autocannon.js");
		const bound = amount ? ["-a", String(amount)] : ["-d", String(opts.duration)];
		const args = [
			bin,
			"-c",
			String(opts.connections),
			...bound,
			"-t",
			String(REQUEST_TIMEOUT_SECONDS),
			...Object.entries(ask.headers ?? {}).flatMap(([name, value]) => [
				"-H",
				`${name}=${value}`,
			]),
			"-j",
			url,
		];
		const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
		let out = "";
		let err = "";
		child.stdout.on("data", chunk => (out += chunk));
		child.stderr.on("data", chunk => (err += chunk));
		child.once("exit", code => {
			if (code !== 0)
				return reject(new Error(`autocannon exited with ${code}: ${err.slice(-500)}`));
			const result = JSON.parse(out) as AutocannonResult;
			const answered =
				ask.answer === "304"
					? (result.statusCodeStats?.["304"]?.count ?? 0)
					: result["2xx"];
			resolve({
				// Answers that count: a failure (a 504 after the gateway's timeout, say) is no answer.
				rps: answered / (amount ? result.duration : opts.duration),
				p50: result.latency.p50,
				p99: result.latency.p99,
				requests: result.requests.total,
				failures: result.requests.total - answered + result.errors + result.timeouts,
				counted: amount !== undefined,
			});
		});
	});
}

/**
 * Waits until the server has worked off what a run left queued: autocannon stops at its deadline,
 * but the requests it had sent are still being answered (on FerretDB, for seconds), and the next
 * run must not pay for them. One request to the same URL queues behind them.
 */
export async function drain(url: string): Promise<void> {
	const res = await fetch(url, { signal: AbortSignal.timeout(600_000) });
	await res.arrayBuffer();
}

/** Calls `query` from `connections` concurrent callers for the run's duration, as autocannon would. */
export async function callLoad(query: () => Promise<unknown>, opts: LoadOptions): Promise<Load> {
	const latencies: number[] = [];
	const began = Date.now();
	const deadline = began + opts.duration * 1000;
	const caller = async () => {
		while (Date.now() < deadline) {
			const started = process.hrtime.bigint();
			await query();
			latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
		}
	};
	await Promise.all(Array.from({ length: opts.connections }, caller));
	// Calls under way at the deadline are waited for: the run lasted until the last one ended.
	return {
		rps: latencies.length / ((Date.now() - began) / 1000),
		...percentiles(latencies),
		requests: latencies.length,
		failures: 0,
	};
}

/** p50 and p99 of a list of milliseconds. */
export function percentiles(values: number[]): { p50: number; p99: number } {
	const sorted = [...values].sort((a, b) => a - b);
	const at = (q: number) =>
		sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
	return { p50: at(0.5), p99: at(0.99) };
}

/** The kernel's clock ticks per second (USER_HZ): 100 on Linux's common builds. */
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time a process has used (user + system), in microseconds; 0 once it has gone. */
export function cpuMicros(pid: number): number {
	try {
		// The fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
		const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
		const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
		return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS_PER_SECOND;
	} catch {
		return 0;
	}
}

/** Runs `work` and adds to its load each process's CPU per answered request. */
export async function withCpu(
	pids: ReadonlyMap<string, number>,
	work: () => Promise<Load>,
): Promise<Load> {
	const before = new Map([...pids].map(([name, pid]) => [name, cpuMicros(pid)]));
	const load = await work();
	const answered = Math.max(1, load.requests - load.failures);
	const cpu: Record<string, number> = {};
	for (const [name, pid] of pids) cpu[name] = (cpuMicros(pid) - before.get(name)!) / answered;
	return { ...load, cpu };
}

/** Resident memory of a process, in MiB; 0 once it has gone. */
export function rssMiB(pid: number): number {
	try {
		const line = readFileSync(`/proc/${pid}/status`, "utf8")
			.split("\n")
			.find(l => l.startsWith("VmRSS:"));
		return line ? Math.round(Number(line.replace(/\D+/g, "")) / 1024) : 0;
	} catch {
		return 0;
	}
}

/** Each process's largest RSS while `work` runs, sampled every 200 ms, added to `peaks`; `pids` is asked each time (processes come and go). */
export async function trackPeaks<T>(
	pids: () => Map<string, number>,
	peaks: Map<string, number>,
	work: () => Promise<T>,
): Promise<T> {
	const sample = () => {
		for (const [name, pid] of pids())
			peaks.set(name, Math.max(peaks.get(name) ?? 0, rssMiB(pid)));
	};
	const timer = setInterval(sample, 200);
	try {
		return await work();
	} finally {
		clearInterval(timer);
		sample();
	}
}
