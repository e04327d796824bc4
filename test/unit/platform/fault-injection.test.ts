import { parseFaultSettings, seededRandom } from "../../../platform/middlewares/fault-injection";

describe("parseFaultSettings", () => {
	test("reads every part, with defaults for the rest", () => {
		expect(parseFaultSettings("drop=0.2, duplicate=0.1,seed=7")).toEqual({
			drop: 0.2,
			duplicate: 0.1,
			delay: 0,
			maxDelayMs: 200,
			seed: 7,
		});
	});

	test("refuses what it cannot read, saying which part", () => {
		expect(() => parseFaultSettings("explode=1")).toThrow(
			'FAULT_INJECTION: cannot read "explode=1"',
		);
		expect(() => parseFaultSettings("drop=2")).toThrow("drop is a probability");
		expect(() => parseFaultSettings("delay=-1")).toThrow("cannot read");
	});
});

describe("seededRandom", () => {
	test("the same seed gives the same sequence, in [0, 1)", () => {
		const a = seededRandom(11);
		const b = seededRandom(11);
		const first = Array.from({ length: 5 }, () => a());
		expect(Array.from({ length: 5 }, () => b())).toEqual(first);
		expect(first.every(x => x >= 0 && x < 1)).toBe(true);
		expect(seededRandom(12)()).not.toBe(first[0]);
	});
});
