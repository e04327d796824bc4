// The rules of a source's downloads (services/sync/sources/http-client.ts): how long a server
// asks to wait, the back-off, and football-data's request budget.
import { backOff, RequestBudget, waitAsked } from "../../../../services/sync/sources/http-client";

const policy = { retries: 4, retryDelay: 1000, timeout: 5000 };

describe("waitAsked", () => {
	it("reads Retry-After in seconds and as a date, and X-RequestCounter-Reset", () => {
		const now = Date.parse("2026-12-04T12:00:00Z");
		expect(waitAsked(new Headers({ "retry-after": "7" }), now)).toBe(7000);
		expect(
			waitAsked(new Headers({ "retry-after": "Fri, 04 Dec 2026 12:00:30 GMT" }), now),
		).toBe(30_000);
		expect(waitAsked(new Headers({ "x-requestcounter-reset": "42" }), now)).toBe(42_000);
		expect(waitAsked(new Headers({}), now)).toBeNull();
		expect(waitAsked(new Headers({ "retry-after": "soon" }), now)).toBeNull();
	});

	it("never waits longer than two minutes on a server's word", () => {
		expect(waitAsked(new Headers({ "retry-after": "86400" }))).toBe(120_000);
	});
});

describe("backOff", () => {
	it("doubles from the first delay, with at most a quarter of jitter below", () => {
		expect([1, 2, 3].map(attempt => backOff(policy, attempt, () => 1))).toEqual([
			1000, 2000, 4000,
		]);
		expect(backOff(policy, 3, () => 0)).toBe(3000);
	});
});

describe("RequestBudget", () => {
	it("waits for the reset once the server says none is left, and not before", () => {
		const budget = new RequestBudget();
		const now = 1_000_000;
		expect(budget.waitBeforeNext(now)).toBe(0);
		budget.observe(
			new Headers({ "x-requests-available-minute": "1", "x-requestcounter-reset": "20" }),
			now,
		);
		expect(budget.waitBeforeNext(now)).toBe(0);
		budget.spend();
		expect(budget.waitBeforeNext(now + 5000)).toBe(15_000);
		expect(budget.waitBeforeNext(now + 25_000)).toBe(0);
	});

	it("counts down between answers, and asks the server anew after a reset", () => {
		const budget = new RequestBudget();
		budget.observe(
			new Headers({ "x-requests-available-minute": "0", "x-requestcounter-reset": "1" }),
			0,
		);
		expect(budget.waitBeforeNext(0)).toBe(1000);
		budget.spend();
		expect(budget.waitBeforeNext(0)).toBe(0);
	});
});
