// The dashboard's files as the gateway serves them: a fixed table made at start, each file with
// its type and ETag; nothing outside the table can be named.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assetReply, INDEX, loadAssets, PUBLIC_DIR } from "../../../../../services/api/dashboard/assets";

let dir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), "matchday-assets-"));
	writeFileSync(join(dir, INDEX), "<!doctype html>");
	writeFileSync(join(dir, "app.js"), "export {};");
	writeFileSync(join(dir, "notes.txt"), "not for the web");
	mkdirSync(join(dir, "nested"));
	writeFileSync(join(dir, "nested", "inner.js"), "export {};");
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("loadAssets", () => {
	test("when the folder holds pages, scripts, other files and a subfolder, then only its own web files are served", () => {
		expect([...loadAssets(dir).keys()].sort()).toEqual(["app.js", "index.html"]);
	});

	test("when the folder has no index.html, then the gateway refuses to start", () => {
		rmSync(join(dir, INDEX));
		expect(() => loadAssets(dir)).toThrow(/index\.html/);
	});

	test("the dashboard's own folder: every file is served with its type", () => {
		const table = loadAssets(PUBLIC_DIR);
		expect(table.size).toBe(readdirSync(PUBLIC_DIR).length);
		expect(table.get(INDEX)?.contentType).toBe("text/html; charset=utf-8");
		expect(table.get("main.js")?.contentType).toBe("text/javascript; charset=utf-8");
		expect(table.get("app.css")?.contentType).toBe("text/css; charset=utf-8");
		expect(table.get("icon.svg")?.contentType).toBe("image/svg+xml");
	});
});

describe("assetReply", () => {
	test("a file comes with its type, length, ETag and a revalidate-each-time cache policy", () => {
		const reply = assetReply(loadAssets(dir), "app.js");
		expect(reply).toMatchObject({
			status: 200,
			headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache", "Content-Length": "10", ETag: expect.stringMatching(/^"[\w-]{27}"$/) },
		});
		expect(reply?.body?.toString()).toBe("export {};");
	});

	test("when the client's copy is current (If-None-Match), then 304 without a body; when it is old, the file", () => {
		const table = loadAssets(dir);
		const etag = assetReply(table, "app.js")!.headers.ETag;
		expect(assetReply(table, "app.js", etag)).toEqual({ status: 304, headers: expect.objectContaining({ ETag: etag }) });
		expect(assetReply(table, "app.js", `"old", W/${etag}`)?.status).toBe(304);
		expect(assetReply(table, "app.js", '"old"')?.status).toBe(200);
	});

	test("names that try to leave the folder, or name what is not in the table, find nothing", () => {
		const table = loadAssets(dir);
		for (const name of ["../package.json", "..%2fpackage.json", "nested/inner.js", "nested", "notes.txt", "./app.js", "/etc/passwd", "", ".", "..", "APP.JS", "app.js/", "__proto__", "constructor"]) {
			expect({ name, reply: assetReply(table, name) }).toEqual({ name, reply: null });
		}
	});
});
