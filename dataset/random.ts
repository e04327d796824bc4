// A small seeded pseudo-random generator (sfc32) and the draws the data generator needs.
// Never Math.random: the same seed must give the same data set, byte for byte.

/** A 32-bit hash of a text (FNV-1a, then an avalanche step so that near texts land far apart). */
export function hashText(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	hash ^= hash >>> 16;
	hash = Math.imul(hash, 0x85ebca6b);
	hash ^= hash >>> 13;
	hash = Math.imul(hash, 0xc2b2ae35);
	return (hash ^ (hash >>> 16)) >>> 0;
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128 bits of state, fast, good enough for data. */
export class Random {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(seedText: string) {
		this.a = hashText(`${seedText}|a`);
		this.b = hashText(`${seedText}|b`);
		this.c = hashText(`${seedText}|c`);
		this.d = 1; // the counter; starting it at 1 keeps the state away from all-zero
		for (let i = 0; i < 15; i++) this.uint32(); // the first outputs still echo the seed
	}

	/**
	 * A generator for one part of the output, seeded by the run's seed and that part's name
	 * (`forPart("42", "matches", "en.2", 2024)`): each part draws the same whatever else is generated.
	 */
	static forPart(seed: string, ...part: Array<string | number>): Random {
		return new Random([seed, ...part].join("/"));
	}

	uint32(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return t >>> 0;
	}

	/** Uniform in [0, 1). */
	next(): number {
		return this.uint32() / 4294967296;
	}

	/** A whole number from `min` to `max`, both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** One of `choices`, each as likely as its weight. */
	weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T {
		const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
		let left = this.next() * total;
		for (const [value, weight] of choices) {
			left -= weight;
			if (left < 0) return value;
		}
		return choices[choices.length - 1][0];
	}

	/** Normal (Box–Muller; the second value of the pair is dropped, which keeps the state simple). */
	normal(mean = 0, sd = 1): number {
		const u = 1 - this.next(); // (0, 1]: log(0) is never taken
		const v = this.next();
		return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	/** Poisson by Knuth's multiplication method: exact, and fast for football's small means. */
	poisson(mean: number): number {
		const limit = Math.exp(-mean);
		let count = 0;
		for (let product = this.next(); product > limit; product *= this.next()) count++;
		return count;
	}

	/** Binomial by counting successes: `trials` is a goal tally, never large. */
	binomial(trials: number, probability: number): number {
		let successes = 0;
		for (let i = 0; i < trials; i++) if (this.chance(probability)) successes++;
		return successes;
	}

	/** Fisher–Yates, in place; returns the array. */
	shuffle<T>(items: T[]): T[] {
		for (let i = items.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[items[i], items[j]] = [items[j], items[i]];
		}
		return items;
	}
}
