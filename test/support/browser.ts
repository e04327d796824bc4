// A headless browser for tests: Debian's Chromium driven by playwright-core (which brings no
// browser of its own). Its path is found when the test runs: CHROMIUM_PATH, else `chromium` on PATH.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { Page } from "playwright-core";

export function chromiumPath(): string {
	const given = process.env.CHROMIUM_PATH;
	if (given) {
		if (!existsSync(given)) throw new Error(`CHROMIUM_PATH is ${given}, which does not exist`);
		return given;
	}
	try {
		return execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], {
			encoding: "utf8",
		})
			.trim()
			.split("\n")[0];
	} catch {
		throw new Error(
			"No Chromium found: run scripts/install-debian-tools.sh (Debian's chromium package) or set CHROMIUM_PATH",
		);
	}
}

/** What went wrong in a page: console errors (with where they came from) and uncaught exceptions. */
export interface BrowserProblem {
	kind: "console" | "pageerror";
	text: string;
	url: string;
}

/** Records a page's console errors and uncaught exceptions into `problems`, as they happen. */
export function recordProblems(page: Page, problems: BrowserProblem[]): void {
	page.on("console", message => {
		if (message.type() === "error")
			problems.push({ kind: "console", text: message.text(), url: message.location().url });
	});
	page.on("pageerror", error =>
		problems.push({
			kind: "pageerror",
			text: `${error.name}: ${error.message}`,
			url: page.url(),
		}),
	);
}
