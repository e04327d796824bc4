// A Server-Sent Events client for tests, over fetch: reads a stream's frames as they come and
// hands them out in order, with a deadline for each wait.

export interface SseFrame {
	id: string | null;
	event: string | null;
	data: string | null;
	/** Comment lines (`: heartbeat`). */
	comments: string[];
}

export interface SseStream {
	status: number;
	headers: Headers;
	/** The body of a refused stream (not 200). */
	text: string;
	/** The next `count` frames that carry data, failing after `timeoutMs`. */
	next(count: number, timeoutMs?: number): Promise<SseFrame[]>;
	/** Waits for a comment frame (a heartbeat). */
	nextComment(timeoutMs?: number): Promise<string>;
	close(): void;
}

function parseFrame(block: string): SseFrame {
	const frame: SseFrame = { id: null, event: null, data: null, comments: [] };
	for (const line of block.split("\n")) {
		if (line.startsWith(":")) frame.comments.push(line.slice(1).trim());
		const at = line.indexOf(":");
		if (at <= 0) continue;
		const field = line.slice(0, at);
		const value = line.slice(at + 1).replace(/^ /, "");
		if (field === "id") frame.id = value;
		if (field === "event") frame.event = value;
		if (field === "data") frame.data = frame.data === null ? value : `${frame.data}\n${value}`;
	}
	return frame;
}

export async function openSse(
	url: string,
	headers: Record<string, string> = {},
): Promise<SseStream> {
	const abort = new AbortController();
	const res = await fetch(url, {
		headers: { Accept: "text/event-stream", ...headers },
		signal: abort.signal,
	});
	if (res.status !== 200 || !res.body) {
		const text = await res.text();
		return {
			status: res.status,
			headers: res.headers,
			text,
			next: () => Promise.reject(new Error(`the stream was refused: ${res.status} ${text}`)),
			nextComment: () => Promise.reject(new Error(`the stream was refused: ${res.status}`)),
			close: () => undefined,
		};
	}
	const frames: SseFrame[] = [];
	const wake: { waiting: (() => void) | null } = { waiting: null };
	let ended = false;
	void (async () => {
		const decoder = new TextDecoder();
		let pending = "";
		try {
			for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
				pending += decoder.decode(chunk, { stream: true });
				let end: number;
				while ((end = pending.indexOf("\n\n")) >= 0) {
					frames.push(parseFrame(pending.slice(0, end)));
					pending = pending.slice(end + 2);
					wake.waiting?.();
				}
			}
		} catch {
			// aborted by close()
		}
		ended = true;
		wake.waiting?.();
	})();
	const take = async <T>(
		pick: () => T | undefined,
		what: string,
		timeoutMs: number,
	): Promise<T> => {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const got = pick();
			if (got !== undefined) return got;
			if (ended) throw new Error(`the stream ended while waiting for ${what}`);
			const left = deadline - Date.now();
			if (left <= 0) throw new Error(`no ${what} within ${timeoutMs} ms`);
			await new Promise<void>(done => {
				const timer = setTimeout(done, left);
				wake.waiting = () => {
					clearTimeout(timer);
					done();
				};
			});
			wake.waiting = null;
		}
	};
	return {
		status: res.status,
		headers: res.headers,
		text: "",
		next(count, timeoutMs = 10_000) {
			const taken: SseFrame[] = [];
			return take(
				() => {
					while (taken.length < count) {
						const index = frames.findIndex(f => f.data !== null);
						if (index < 0) return undefined;
						taken.push(...frames.splice(index, 1));
					}
					return taken;
				},
				`${count} events`,
				timeoutMs,
			);
		},
		nextComment(timeoutMs = 10_000) {
			return take(
				() => {
					const index = frames.findIndex(f => f.data === null && f.comments.length > 0);
					return index < 0 ? undefined : frames.splice(index, 1)[0].comments[0];
				},
				"a comment",
				timeoutMs,
			);
		},
		close: () => abort.abort(),
	};
}
