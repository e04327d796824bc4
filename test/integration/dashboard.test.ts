// The dashboard in a real browser: Debian's Chromium, headless, driven by playwright-core, against
// `npm start` (one process, every service, in memory, bundled data). It walks competition →
// table → team → results, searches a player typed without accents, opens the cluster page and
// checks a phone-width page; each step leaves a screenshot in test-artifacts/dashboard/. Any
// console error or uncaught exception in the page fails the test it happens in.
// UPDATE_README_SCREENSHOT=1 also rewrites docs/dashboard.png, the README's picture.
import { request as httpRequest } from "node:http";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import type { ListResult } from "../../contracts";
import type { Match } from "../../domain/model";
import { freePort, REPO_ROOT, waitForPort } from "../../tools/servers";
import { type BrowserProblem, chromiumPath, recordProblems } from "../support/browser";
import { eventually, getJson, NodeProcess } from "../support/cluster";
import { SERVICES } from "../support/services";

jest.setTimeout(120_000);

const SHOTS = join(REPO_ROOT, "test-artifacts", "dashboard");
const README_SCREENSHOT = join(REPO_ROOT, "docs", "dashboard.png");
const PHONE = { width: 390, height: 844 };

const ADMIN_TOKEN = "dashboard-admin-token-0123456789";
let node: NodeProcess;
let base: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every request the pages made, to check that none left this origin. */
const requested: string[] = [];
let problems: BrowserProblem[] = [];

beforeAll(async () => {
	rmSync(SHOTS, { recursive: true, force: true });
	mkdirSync(SHOTS, { recursive: true });
	const port = await freePort();
	// Empty values count as unset: no transporter, no MongoDB, every service (what `npm start` runs).
	node = new NodeProcess("dashboard", {
		TRANSPORTER: "",
		MONGO_URI: "",
		SERVICES: "",
		PORT: String(port),
		ADMIN_TOKEN,
	});
	await node.started();
	await waitForPort(port);
	base = `http://127.0.0.1:${port}`;
	// The projections fill from sync's feed after the start, each at its own pace: wait until
	// every match and every competition is in (the first page the test opens lists them).
	await eventually(
		async () =>
			(await getJson<ListResult<Match>>(`${base}/api/v1/results?pageSize=1`)).body.total ===
				3861 &&
			(await getJson<ListResult<unknown>>(`${base}/api/v1/competitions`)).body.total === 7
				? true
				: undefined,
		60_000,
		"every match and competition",
	);
	browser = await chromium.launch({ executablePath: chromiumPath(), headless: true });
});

afterAll(async () => {
	await browser?.close();
	await node?.stop();
});

/** A fresh page (own cookies, cache and history) that records its problems and requests. */
async function openPage(viewport = { width: 1200, height: 800 }): Promise<Page> {
	await context?.close();
	// A fixed locale and time zone: kick-off times read the same on every machine.
	context = await browser.newContext({ viewport, locale: "en-GB", timezoneId: "UTC" });
	const opened = await context.newPage();
	recordProblems(opened, problems);
	opened.on("request", request => requested.push(request.url()));
	return opened;
}

beforeEach(async () => {
	problems = [];
	page = await openPage();
});

afterEach(() => {
	// Checked after every test, so a step that logs an error fails by itself.
	expect(problems).toEqual([]);
});

async function shot(name: string): Promise<void> {
	await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const heading = (name: string) => page.getByRole("heading", { level: 1, name });

/** The season page of a competition, reached from the competitions page as a reader would. */
async function openSeason(competition: string, season: string): Promise<void> {
	await page.goto(`${base}/dashboard/`);
	const card = page
		.getByRole("listitem")
		.filter({ has: page.getByRole("heading", { level: 2, name: competition, exact: true }) });
	await card.getByRole("link", { name: season, exact: true }).click();
	await page.locator("#round").waitFor();
}

describe("a reader's walk through the dashboard", () => {
	test("the site's root opens the dashboard, which lists every competition and its seasons", async () => {
		await page.goto(`${base}/`);
		await page.waitForURL(`${base}/dashboard/`);
		await heading("Competitions").waitFor();
		expect(await page.locator(".cards > li").count()).toBe(7);
		expect(
			await page.getByRole("list", { name: "Premier League seasons" }).innerText(),
		).toMatch(/2025\/26\s+2024\/25/);
		await shot("01-competitions");
	});

	test("competition → table → team → results: a league season, then a club's page", async () => {
		await openSeason("Premier League", "2024/25");
		await heading("Premier League 2024/25").waitFor();
		const table = page.getByRole("table", { name: "Premier League table" });
		await table.waitFor();
		expect(await table.locator("tbody tr").count()).toBe(20);
		expect(await table.locator("tbody tr").first().innerText()).toMatch(
			/^1\s+LIV\s+Liverpool FC\s+38\s/,
		);

		// The results open on the last round played; another round can be chosen, and linked.
		const round = page.getByLabel("Round");
		expect(await round.inputValue()).toBe("md-38");
		await round.selectOption("md-1");
		expect(page.url()).toMatch(/#\/competitions\/PL\/2024\/round\/md-1$/);
		expect(
			await page
				.getByRole("list", { name: "Matches of Matchday 1" })
				.getByRole("listitem")
				.count(),
		).toBe(10);
		await shot("02-season-table-and-results");

		await table.getByRole("link", { name: "Arsenal FC" }).click();
		await heading("Arsenal FC").waitFor();
		expect(page.url()).toMatch(/#\/teams\/arsenal-fc\/PL\/2024$/);
		expect(await page.locator(".position").innerText()).toBe(
			"2nd of 20 · 74 pts after 38 matches",
		);
		const results = page
			.getByRole("list", { name: "Matches of Arsenal FC" })
			.getByRole("listitem");
		expect(await results.count()).toBe(38);
		expect(await results.first().innerText()).toMatch(
			/Arsenal FC\s+2–0\s+HT 1–0\s+WWA\s+Wolverhampton Wanderers FC/,
		);
		await shot("03-team");

		// And back to the season's results, from the team's page.
		await page.getByRole("link", { name: "The full table and every result" }).click();
		await heading("Premier League 2024/25").waitFor();
	});

	test("a cup: group tables, and a final after extra time and penalties written as people expect", async () => {
		await openSeason("FIFA World Cup", "2022");
		await heading("FIFA World Cup 2022").waitFor();
		expect(await page.locator("table caption").allInnerTexts()).toEqual(
			["A", "B", "C", "D", "E", "F", "G", "H"].map(group => `Group ${group}`),
		);
		await page.getByLabel("Round").selectOption("final");
		const final = page.locator('[data-match="wc-2022-final-argentina-france"]');
		expect(await final.locator(".score").textContent()).toBe("3–3 (a.e.t.), 4–2 pensHT 2–0");
		expect(await final.locator(".half-time").innerText()).toBe("HT 2–0");
		if (process.env.UPDATE_README_SCREENSHOT)
			await page.screenshot({ path: README_SCREENSHOT });
		await shot("04-world-cup-final");

		// A national team: its group position, its squad (the players API filtered by team) and its results.
		await final.getByRole("link", { name: "Argentina" }).click();
		await heading("Argentina").waitFor();
		expect(await page.locator(".position").innerText()).toBe(
			"1st in Group C of 4 · 6 pts after 3 matches",
		);
		expect(
			await page.getByRole("table", { name: /^Squad: 26 players$/ }).innerText(),
		).toContain("Lionel Messi");
		const results = page
			.getByRole("list", { name: "Matches of Argentina" })
			.getByRole("listitem");
		expect(await results.count()).toBe(7);
		expect(await results.last().innerText()).toContain("3–3");
		await shot("05-national-team");
	});

	test("player search as you type: accents ignored, one request per pause in typing", async () => {
		await page.goto(`${base}/dashboard/`);
		await page
			.getByRole("navigation", { name: "Main" })
			.getByRole("link", { name: "Players" })
			.click();
		const searches: string[] = [];
		page.on("request", request => {
			if (request.url().includes("/api/v1/players"))
				searches.push(new URL(request.url()).searchParams.get("q") ?? "");
		});
		const box = page.getByLabel("Player name");
		await box.pressSequentially("gunok", { delay: 40 });
		const found = page.getByRole("list", { name: "Players found" }).getByRole("listitem");
		await found.filter({ hasText: "Mert Günok" }).waitFor();
		expect(await found.count()).toBe(1);
		expect(searches).toEqual(["gunok"]);
		expect(await page.getByRole("status").filter({ hasText: "player" }).innerText()).toBe(
			"1 player",
		);
		// The search is part of the URL, so it can be linked.
		expect(page.url()).toMatch(/#\/players\?q=gunok$/);
		await shot("06-player-search");

		await found.getByRole("link", { name: "Turkey" }).click();
		await heading("Turkey").waitFor();
		expect(await page.getByRole("table", { name: /^Squad/ }).innerText()).toContain(
			"Mert Günok",
		);
	});

	test("the cluster page lists the nodes and their services, each projection's lag, and refreshes itself", async () => {
		await page.goto(`${base}/dashboard/#/cluster`);
		const nodeCard = page.locator("[data-node]");
		await nodeCard.first().waitFor();
		expect(await nodeCard.count()).toBe(1); // npm start: one node runs everything
		const services = await nodeCard
			.getByRole("list", { name: /^Services on / })
			.getByRole("listitem")
			.allInnerTexts();
		expect(services.sort()).toEqual(SERVICES.map(entry => entry.fullName).sort());
		expect(await nodeCard.innerText()).toContain("(this gateway)");
		const lags = page.getByRole("table", { name: /checkpoint and lag/ });
		expect(await lags.innerText()).toMatch(/v1\.players\s+[\d,]+\s+0 \(in sync\)/);
		expect(
			await page
				.getByRole("table", { name: "Each service version and its nodes" })
				.innerText(),
		).toMatch(/v2\.results\s+v2\s/);

		// It refreshes by itself: the time it was updated at moves on.
		const updated = page.locator("#cluster-updated");
		const first = await updated.innerText();
		await updated.filter({ hasNotText: first }).waitFor({ timeout: 15_000 });
		await shot("07-cluster");
	});
});

describe("reading it on a phone, with a keyboard, and without standings", () => {
	test("at phone width a season fits the screen: the table keeps its essential columns, nothing scrolls sideways", async () => {
		page = await openPage(PHONE);
		await openSeason("Premier League", "2024/25");
		await page.getByRole("table", { name: "Premier League table" }).waitFor();
		// (Page code is given as text: this file is compiled without the DOM's types.)
		expect(
			await page.evaluate<number>("document.documentElement.scrollWidth"),
		).toBeLessThanOrEqual(PHONE.width);
		// Headers are abbreviations with their words in a title: "Pts" (Points), "GF" (Goals for).
		expect(await page.getByRole("columnheader", { name: "Pts", exact: true }).isVisible()).toBe(
			true,
		);
		expect(await page.getByRole("columnheader", { name: "GF", exact: true }).isVisible()).toBe(
			false,
		);
		await shot("08-phone-season");
	});

	test("the keyboard reaches a skip link first, focus is visible, and the menu marks the current page", async () => {
		await page.goto(`${base}/dashboard/`);
		await heading("Competitions").waitFor();
		await page.keyboard.press("Tab");
		const focused = page.locator(":focus");
		expect(await focused.innerText()).toBe("Skip to content");
		expect(
			await page.evaluate<string>("getComputedStyle(document.activeElement).outlineStyle"),
		).toBe("solid");
		await page.keyboard.press("Enter");
		expect(await page.locator(":focus").getAttribute("id")).toBe("main");
		const menu = page.getByRole("navigation", { name: "Main" });
		expect(
			await menu.getByRole("link", { name: "Competitions" }).getAttribute("aria-current"),
		).toBe("page");
		expect(
			await menu.getByRole("link", { name: "Players" }).getAttribute("aria-current"),
		).toBeNull();
	});

	test("when the gateway has no standings route, the table says it is not available and the results still show", async () => {
		await page.route("**/api/v1/standings?**", route =>
			route.fulfill({
				status: 404,
				contentType: "application/json",
				body: JSON.stringify({
					error: { status: 404, type: "NOT_FOUND", message: "No such route." },
				}),
			}),
		);
		await openSeason("Premier League", "2024/25");
		await page
			.getByText("The table is not available: this server does not provide standings.")
			.waitFor();
		expect(
			await page
				.getByRole("list", { name: "Matches of Matchday 38" })
				.getByRole("listitem")
				.count(),
		).toBe(10);
		await shot("09-without-standings");
		// The browser logs the refused request itself; that one is expected, nothing else is.
		problems = problems.filter(
			problem => !(problem.kind === "console" && problem.url.includes("/api/v1/standings")),
		);
	});
});

describe("what the gateway serves", () => {
	/** A raw GET, the path sent exactly as written (fetch would resolve `..` first). */
	function rawGet(
		path: string,
		headers: Record<string, string> = {},
	): Promise<{
		status: number;
		headers: Record<string, string | string[] | undefined>;
		body: string;
	}> {
		return new Promise((resolve, reject) => {
			const req = httpRequest(`${base}${path}`, { headers }, res => {
				let body = "";
				res.setEncoding("utf8");
				res.on("data", chunk => (body += chunk));
				res.on("end", () =>
					resolve({ status: res.statusCode ?? 0, headers: res.headers, body }),
				);
			});
			req.on("error", reject);
			req.end();
		});
	}

	test("every page request stayed on this origin (no CDN, nothing from elsewhere)", () => {
		expect(requested.length).toBeGreaterThan(20);
		expect(requested.filter(url => !url.startsWith(`${base}/`))).toEqual([]);
	});

	test("files come with their type, an ETag to revalidate with, and the dashboard's strict CSP", async () => {
		const types: Record<string, RegExp> = {
			"/dashboard/": /^text\/html/,
			"/dashboard/main.js": /^text\/javascript/,
			"/dashboard/app.css": /^text\/css/,
			"/dashboard/icon.svg": /^image\/svg\+xml/,
		};
		for (const [path, type] of Object.entries(types)) {
			const res = await rawGet(path);
			expect({
				path,
				status: res.status,
				type: res.headers["content-type"],
				cache: res.headers["cache-control"],
			}).toEqual({ path, status: 200, type: expect.stringMatching(type), cache: "no-cache" });
			expect(res.headers["content-security-policy"]).toMatch(/script-src 'self';/);
			expect(res.headers["x-content-type-options"]).toBe("nosniff");
			const again = await rawGet(path, { "If-None-Match": String(res.headers.etag) });
			expect({ path, status: again.status, body: again.body }).toEqual({
				path,
				status: 304,
				body: "",
			});
		}
	});

	test("beside the dashboard, the gateway's other routes still answer", async () => {
		for (const path of [
			"/health/live",
			"/health/ready",
			"/metrics",
			"/api/docs",
			"/api/openapi.json",
			"/api/v1/competitions",
			"/api/cluster",
		]) {
			expect({ path, status: (await rawGet(path)).status }).toEqual({ path, status: 200 });
		}
		const root = await rawGet("/");
		expect({ status: root.status, location: root.headers.location }).toEqual({
			status: 302,
			location: "/dashboard/",
		});
	});

	test("an unknown file, or a path that tries to leave the dashboard's folder, is a 404 in the API's error shape", async () => {
		const paths = [
			"/dashboard/nothing.js",
			"/dashboard/../package.json",
			"/dashboard/..%2f..%2fpackage.json",
			"/dashboard/%2e%2e%2f%2e%2e%2fpackage.json",
			"/dashboard/..%5c..%5cpackage.json",
			"/dashboard/assets.ts",
			"/dashboard/public/index.html",
			"/dashboard//etc/passwd",
			"/dashboard/%00index.html",
			"/dashboard/index.html%00.js",
		];
		for (const path of paths) {
			const res = await rawGet(path);
			expect({ path, status: res.status, body: JSON.parse(res.body) }).toEqual({
				path,
				status: 404,
				body: { error: { status: 404, type: "NOT_FOUND", message: expect.any(String) } },
			});
			expect(res.body).not.toMatch(/"name"|matchday|import /);
		}
	});
});

describe("match day, live", () => {
	let matchId = "";

	async function post(event: Record<string, unknown>): Promise<void> {
		const res = await fetch(`${base}/api/admin/matches/${matchId}/events`, {
			method: "POST",
			headers: { "Content-Type": "application/json", Authorization: `Bearer ${ADMIN_TOKEN}` },
			body: JSON.stringify(event),
		});
		expect(res.status).toBe(202);
	}

	beforeAll(async () => {
		const { body } = await getJson<{ matches: Array<{ id: string }> }>(
			`${base}/api/v2/results?competitions=WC&season=2022&stage=GROUP_STAGE&limit=1`,
		);
		matchId = body.matches[0].id;
	});

	test("the Live page: a match that kicks off appears, and a goal POSTed changes its score within 1 s, with no reload", async () => {
		await page.goto(`${base}/dashboard/#/live`);
		await heading("Live").waitFor();
		await page.getByText("No match is being played now").waitFor();
		await post({ id: "ko", type: "KICK_OFF" });
		const row = page.locator(`[data-match="${matchId}"]`);
		const score = row.locator(".score strong");
		await score.getByText("0–0", { exact: true }).waitFor({ timeout: 5_000 });
		// The page is the same document throughout: a reload would lose this mark.
		await page.evaluate("window.notReloaded = true");
		await post({ id: "goal", type: "GOAL", minute: 9, team: "HOME", scorer: "Live Scorer" });
		await score.getByText("1–0", { exact: true }).waitFor({ timeout: 1_000 });
		expect(await row.getAttribute("class")).toContain("goal-flash");
		expect(await row.locator(".minute").textContent()).toBe("9\u2032");
		expect(await page.evaluate("window.notReloaded")).toBe(true);
		await shot("10-live");
	});

	test("a match's page shows its goals on a timeline, and a new goal joins it live", async () => {
		await page.goto(`${base}/dashboard/#/matches/${matchId}`);
		const timeline = page.getByRole("list", { name: /Goals on the match's 90 minutes/ });
		await timeline.getByText("Live Scorer").waitFor();
		await post({
			id: "goal-2",
			type: "GOAL",
			minute: 30,
			team: "AWAY",
			scorer: "Second Scorer",
		});
		await timeline.getByText("Second Scorer").waitFor({ timeout: 1_000 });
		await page.locator("#match-score").getByText("1–1").waitFor({ timeout: 1_000 });
		expect(await timeline.getByRole("listitem").count()).toBe(2);
		await shot("11-match");
	});
});
