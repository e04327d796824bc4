// DATA_SOURCE=openfootball-http: openfootball's JSON files from base URLs, re-read on sync's
// schedule with conditional GETs (If-None-Match, If-Modified-Since), so that an unchanged file
// costs a 304 and an unchanged source no import at all. Every file is downloaded before any is
// imported, and read into master data: one that cannot be had, after the retries, or read
// fails the whole read.
import { type SourceFolder, streamOpenFootball } from "../../../domain/openfootball";
import { getWithRetries, type RetryPolicy, SourceError } from "./http-client";
import type { MasterSource, SourceRead } from "./source";

/** Where files of one top folder come from: `football/2024-25/en.1.json` from `<url>/2024-25/en.1.json` when `folder` is `football`. */
export interface OpenFootballBase {
	/** The first segment of the paths this URL serves, which the URL leaves out; null serves every path whole. */
	folder: string | null;
	url: string;
}

interface Downloaded {
	etag: string | null;
	lastModified: string | null;
	content: unknown;
}

/** How many files download at once: a handful, to be a polite client of a public host. */
const AT_ONCE = 4;

export class OpenFootballHttpSource implements MasterSource {
	readonly name = "openfootball-http";
	/** The files of the last committed read, with their validators. */
	private committed = new Map<string, Downloaded>();

	constructor(
		private readonly bases: OpenFootballBase[],
		private readonly paths: string[],
		private readonly policy: RetryPolicy,
		private readonly log: (message: string) => void = () => undefined,
	) {
		for (const path of paths) this.urlOf(path); // a path no base serves is a configuration error
	}

	/** The URL of a file, by the base serving its top folder (or the base serving every path). */
	urlOf(path: string): string {
		const [top, ...rest] = path.split("/");
		const own = this.bases.find(base => base.folder === top);
		const any = this.bases.find(base => base.folder === null);
		if (own) return `${own.url.replace(/\/+$/, "")}/${rest.join("/")}`;
		if (any) return `${any.url.replace(/\/+$/, "")}/${path}`;
		throw new SourceError(`No OPENFOOTBALL_URLS entry serves ${path} (its folder is "${top}")`);
	}

	async read(): Promise<SourceRead> {
		const files = new Map<string, Downloaded>();
		let changed = this.committed.size === 0;
		const queue = [...this.paths];
		const worker = async () => {
			for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
				try {
					const [file, fresh] = await this.download(path);
					files.set(path, file);
					changed ||= fresh;
				} catch (err) {
					queue.length = 0; // the read has failed: download nothing more
					throw err;
				}
			}
		};
		await Promise.all(Array.from({ length: Math.min(AT_ONCE, queue.length) }, worker));
		const commit = () => {
			this.committed = files;
		};
		if (!changed) return { batches: null, commit };
		const paths = [...this.paths].sort();
		const folder: SourceFolder = { paths, read: path => files.get(path)?.content };
		// Made whole before the import begins: a file that downloads but cannot be read (a squad
		// of a team no file names) fails the read here, before anything is written.
		return { batches: [...streamOpenFootball(folder)], commit };
	}

	/** One file: the committed copy when the server answers 304, else the new one, parsed. */
	private async download(path: string): Promise<[Downloaded, boolean]> {
		const url = this.urlOf(path);
		const known = this.committed.get(path);
		const headers: Record<string, string> = { accept: "application/json" };
		if (known?.etag) headers["if-none-match"] = known.etag;
		if (known?.lastModified) headers["if-modified-since"] = known.lastModified;
		const response = await getWithRetries(url, {
			headers,
			policy: this.policy,
			onRetry: (why, wait) => this.log(`${why}; trying again in ${wait} ms`),
		});
		if (response.status === 304) {
			if (!known) throw new SourceError(`GET ${url}: 304 for a file never downloaded`);
			return [known, false];
		}
		const text = await response.text();
		let content: unknown;
		try {
			content = JSON.parse(text);
		} catch (err) {
			throw new SourceError(`GET ${url}: not JSON (${(err as Error).message})`);
		}
		const file = {
			etag: response.headers.get("etag"),
			lastModified: response.headers.get("last-modified"),
			content,
		};
		return [file, true];
	}
}
