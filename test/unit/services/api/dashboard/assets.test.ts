// The dashboard's files as the gateway serves them: its own folder, read when the gateway is made (how files are served is in ../static-files.test.ts).
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
	assetReply,
	INDEX,
	loadAssets,
	PUBLIC_DIR,
} from "../../../../../services/api/dashboard/assets";

let dir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), "matchday-assets-"));
	writeFileSync(join(dir, INDEX), "<!doctype html>");
	writeFileSync(join(dir, "app.js"), "export {};");
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("loadAssets", () => {
	test("when the folder has no index.html, then the gateway refuses to start (the folder is read at once, not on the first request)", () => {
		rmSync(join(dir, INDEX));
		expect(() => loadAssets(dir)).toThrow(/index\.html/);
	});

	test("the dashboard's own folder: every file is served with its type", () => {
		const table = loadAssets(PUBLIC_DIR);
		expect(table.names().sort()).toEqual(readdirSync(PUBLIC_DIR).sort());
		expect(table.index).toBe(INDEX);
		expect(table.get(INDEX)?.contentType).toBe("text/html; charset=utf-8");
		expect(table.get("main.js")?.contentType).toBe("text/javascript; charset=utf-8");
		expect(table.get("app.css")?.contentType).toBe("text/css; charset=utf-8");
		expect(table.get("icon.svg")?.contentType).toBe("image/svg+xml");
	});
});

describe("assetReply", () => {
	test("a file is answered as staticReply answers it; a name the table does not have is null", () => {
		const table = loadAssets(dir);
		const reply = assetReply(table, "app.js");
		expect(reply).toMatchObject({
			status: 200,
			headers: {
				"Content-Type": "text/javascript; charset=utf-8",
				"Cache-Control": "no-cache",
			},
		});
		expect(assetReply(table, "app.js", reply?.headers.ETag)?.status).toBe(304);
		for (const name of ["nothing.js", "../package.json", ""])
			expect({ name, reply: assetReply(table, name) }).toEqual({ name, reply: null });
	});
});
