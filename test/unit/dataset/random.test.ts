import { hashText, Random } from "../../../dataset/random";

describe("Random", () => {
	test("the same seed gives the same numbers; another seed, others", () => {
		const draw = (seed: string): number[] => {
			const random = new Random(seed);
			return Array.from({ length: 5 }, () => random.uint32());
		};
		expect(draw("42")).toEqual(draw("42"));
		expect(draw("42")).not.toEqual(draw("43"));
		expect(Random.forPart("42", "matches", "en.2", 2024).next()).not.toBe(
			Random.forPart("42", "matches", "en.2", 2023).next(),
		);
	});

	test("hashText spreads near texts apart", () => {
		expect(hashText("a")).not.toBe(hashText("b"));
		expect(hashText("seed/1")).toBe(hashText("seed/1"));
	});

	test("draws keep to their ranges and means", () => {
		const random = new Random("ranges");
		const ints = Array.from({ length: 10_000 }, () => random.int(1, 6));
		expect(new Set(ints)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
		const mean = (values: number[]): number =>
			values.reduce((a, b) => a + b, 0) / values.length;
		expect(mean(Array.from({ length: 20_000 }, () => random.poisson(1.4)))).toBeCloseTo(1.4, 1);
		expect(mean(Array.from({ length: 20_000 }, () => random.normal(26, 4)))).toBeCloseTo(26, 0);
		expect(mean(Array.from({ length: 20_000 }, () => random.binomial(3, 0.45)))).toBeCloseTo(
			1.35,
			1,
		);
		const picks = Array.from({ length: 10_000 }, () =>
			random.weighted([
				["a", 1],
				["b", 3],
			] as const),
		);
		expect(picks.filter(p => p === "b").length / picks.length).toBeCloseTo(0.75, 1);
	});

	test("shuffle keeps every item", () => {
		const items = Array.from({ length: 30 }, (_, i) => i);
		const shuffled = new Random("shuffle").shuffle([...items]);
		expect(shuffled).not.toEqual(items);
		expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
	});
});
