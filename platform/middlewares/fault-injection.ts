// Chaos for master-data events: drops, duplicates and delays (so reorders) `master.changed`
// as this node receives it. Off unless FAULT_INJECTION is set; tests and chaos drills use it
// to show that projections converge whatever the event transport does.
import type { Middleware } from "moleculer";

export interface FaultSettings {
	drop: number;
	duplicate: number;
	delay: number;
	/** Longest delay in ms; a delayed event may overtake or be overtaken by others. */
	maxDelayMs: number;
	seed: number;
}

const FAULTY_EVENTS = new Set(["master.changed"]);

/** Reads "drop=0.2,duplicate=0.2,delay=0.3,maxDelayMs=200,seed=7" (every part optional). */
export function parseFaultSettings(spec: string): FaultSettings {
	const settings: FaultSettings = { drop: 0, duplicate: 0, delay: 0, maxDelayMs: 200, seed: 1 };
	for (const part of spec
		.split(",")
		.map(p => p.trim())
		.filter(Boolean)) {
		const [key, raw] = part.split("=");
		const value = Number(raw);
		if (!(key in settings) || !Number.isFinite(value) || value < 0)
			throw new Error(`FAULT_INJECTION: cannot read "${part}"`);
		if (["drop", "duplicate", "delay"].includes(key) && value > 1)
			throw new Error(`FAULT_INJECTION: ${key} is a probability (0 to 1)`);
		settings[key as keyof FaultSettings] = value;
	}
	return settings;
}

/** A small seeded generator (mulberry32), so a failing run can be repeated. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Handler = (ctx: unknown) => Promise<unknown> | unknown;

export function FaultInjectionMiddleware(settings: FaultSettings): Middleware {
	const random = seededRandom(settings.seed);
	return {
		name: "FaultInjection",
		localEvent(next: Handler, event: { name: string }) {
			if (!FAULTY_EVENTS.has(event.name)) return next;
			// Event handlers answer with a promise (Moleculer's context tracking expects one).
			return (ctx: unknown): Promise<void> => {
				if (random() < settings.drop) return Promise.resolve();
				const deliver = () =>
					random() < settings.delay
						? sleep(random() * settings.maxDelayMs).then(() => next(ctx))
						: next(ctx);
				if (random() < settings.duplicate) {
					// The copy arrives later, on its own.
					void sleep(random() * settings.maxDelayMs).then(() => next(ctx));
				}
				// Delays happen off the caller's path, as they would on a network.
				void deliver();
				return Promise.resolve();
			};
		},
	} as unknown as Middleware;
}

function sleep(ms: number): Promise<void> {
	return new Promise(done => setTimeout(done, ms));
}
