// A folder of web files served from memory: read once on the first question, each file with its type and ETag, nothing outside the table reachable.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadStaticFiles, staticReply } from "../../../../services/api/static-files";

// The module object itself (an `import * as` copy cannot be spied on), whose functions the module under test calls.
const fs: typeof import("node:fs") = require("node:fs");

let dir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), "matchday-static-"));
	writeFileSync(join(dir, "index.html"), "<!doctype html>");
	writeFileSync(join(dir, "app.js"), "export {};");
	writeFileSync(join(dir, "app.css"), "body {}");
	writeFileSync(join(dir, "icon.svg"), "<svg/>");
	writeFileSync(join(dir, "notes.txt"), "not for the web");
	writeFileSync(join(dir, "server.ts"), "export {};");
	mkdirSync(join(dir, "nested"));
	writeFileSync(join(dir, "nested", "inner.js"), "export {};");
});

afterEach(() => {
	jest.restoreAllMocks();
	rmSync(dir, { recursive: true, force: true });
});

describe("loadStaticFiles", () => {
	test("when the folder holds pages, scripts, styles, other files and a subfolder, then only its own web files are served, with their types", () => {
		const files = loadStaticFiles(dir, { index: "index.html" });
		expect(files.names().sort()).toEqual(["app.css", "app.js", "icon.svg", "index.html"]);
		expect(
			Object.fromEntries(files.names().map(name => [name, files.get(name)?.contentType])),
		).toEqual({
			"index.html": "text/html; charset=utf-8",
			"app.js": "text/javascript; charset=utf-8",
			"app.css": "text/css; charset=utf-8",
			"icon.svg": "image/svg+xml",
		});
		expect(files).toMatchObject({ dir, index: "index.html" });
	});

	test("nothing is read until the first question; then the folder is read once, and later changes to it are not seen", () => {
		const readdir = jest.spyOn(fs, "readdirSync");
		const files = loadStaticFiles(dir, { index: "index.html" });
		writeFileSync(join(dir, "late.js"), "export {};");
		expect(readdir).not.toHaveBeenCalled();

		expect(files.get("late.js")).toBeDefined();
		writeFileSync(join(dir, "later.js"), "export {};");
		expect(files.get("later.js")).toBeUndefined();
		files.names();
		expect(readdir).toHaveBeenCalledTimes(1);
	});

	test("when the folder does not exist or has no index, then making the table still works, and its first question throws, naming the index", () => {
		expect(() => loadStaticFiles(join(dir, "missing"), { index: "index.html" })).not.toThrow();
		expect(() =>
			loadStaticFiles(join(dir, "missing"), { index: "index.html" }).names(),
		).toThrow(/no such file or directory/);
		const files = loadStaticFiles(dir, { index: "start.html" });
		expect(() => files.get("app.js")).toThrow(/There is no start\.html in /);
	});

	test("importing the module and the modules that make the dashboard's and the docs' tables reads no file", () => {
		const readdir = jest.spyOn(fs, "readdirSync");
		const readFile = jest.spyOn(fs, "readFileSync");
		let docs: typeof import("../../../../services/api/docs/files") | undefined;
		jest.isolateModules(() => {
			require("../../../../services/api/static-files");
			require("../../../../services/api/dashboard/assets");
			docs = require("../../../../services/api/docs/files");
		});
		// Jest itself may read the modules' sources; none of the served folders may be touched.
		const served = (path: unknown) =>
			String(path).includes(`${join("api", "docs", "public")}`) ||
			String(path).includes(`${join("api", "dashboard", "public")}`);
		expect(readdir.mock.calls.filter(([path]) => served(path))).toEqual([]);
		expect(readFile.mock.calls.filter(([path]) => served(path))).toEqual([]);

		docs?.DOCS_FILES.names();
		expect(readdir.mock.calls.filter(([path]) => served(path))).toHaveLength(1);
	});
});

describe("staticReply", () => {
	test("a file comes with its type, length, ETag and a revalidate-each-time cache policy", () => {
		const reply = staticReply(loadStaticFiles(dir, { index: "index.html" }), "app.js");
		expect(reply).toEqual({
			status: 200,
			headers: {
				"Content-Type": "text/javascript; charset=utf-8",
				"Cache-Control": "no-cache",
				"Content-Length": "10",
				ETag: expect.stringMatching(/^"[\w-]{27}"$/),
			},
			body: Buffer.from("export {};"),
		});
	});

	test("the ETag follows the content: two files with the same bytes share it, different bytes do not", () => {
		writeFileSync(join(dir, "copy.js"), "export {};");
		const files = loadStaticFiles(dir, { index: "index.html" });
		const etag = (name: string) => staticReply(files, name)?.headers.ETag;
		expect(etag("copy.js")).toBe(etag("app.js"));
		expect(etag("app.css")).not.toBe(etag("app.js"));
	});

	test("when the client's copy is current (If-None-Match, also weak, in a list, or *), then 304 without a body; when it is old, the file", () => {
		const files = loadStaticFiles(dir, { index: "index.html" });
		const etag = staticReply(files, "app.js")!.headers.ETag;
		expect(staticReply(files, "app.js", etag)).toEqual({
			status: 304,
			headers: {
				"Content-Type": "text/javascript; charset=utf-8",
				"Cache-Control": "no-cache",
				ETag: etag,
			},
		});
		expect(staticReply(files, "app.js", `"old", W/${etag}`)?.status).toBe(304);
		expect(staticReply(files, "app.js", "*")?.status).toBe(304);
		expect(staticReply(files, "app.js", '"old"')?.status).toBe(200);
		expect(staticReply(files, "app.js", "")?.status).toBe(200);
		expect(staticReply(files, "app.css", etag)?.status).toBe(200);
	});

	test("the index is a file like the others: the folder's own URL asks for it by the table's index name", () => {
		const files = loadStaticFiles(dir, { index: "index.html" });
		expect(staticReply(files, files.index)?.body?.toString()).toBe("<!doctype html>");
	});

	test("an unknown name, or one that tries to leave the folder, finds nothing (the caller's 404)", () => {
		const files = loadStaticFiles(dir, { index: "index.html" });
		const names = [
			"nothing.js",
			"../package.json",
			"..%2fpackage.json",
			"..\\package.json",
			"nested/inner.js",
			"nested",
			"notes.txt",
			"server.ts",
			"./app.js",
			"/etc/passwd",
			`${dir}/app.js`,
			"",
			".",
			"..",
			"APP.JS",
			"app.js/",
			"app.js\0",
			"__proto__",
			"constructor",
			"hasOwnProperty",
		];
		for (const name of names)
			expect({ name, reply: staticReply(files, name) }).toEqual({ name, reply: undefined });
	});
});
