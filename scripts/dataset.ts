// `npm run dataset -- --scale N --out DIR [--seed S] [--from DIR]`: a larger, realistic data set
// in openfootball's files, extrapolated from the real ones; sync reads it with DATA_DIR=DIR.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { writeDataset, type DatasetProgress } from "../dataset/dataset-writer";

const USAGE = "usage: npm run dataset -- --scale N --out DIR [--seed S] [--from DIR]";

function options(): { scale: number; outDir: string; seed: string; sourceDir: string } {
	const { values } = parseArgs({
		options: {
			scale: { type: "string", default: "1" },
			out: { type: "string" },
			seed: { type: "string", default: "1" },
			from: { type: "string", default: join(__dirname, "..", "data", "openfootball") },
		},
	});
	const scale = Number(values.scale);
	if (!values.out || !Number.isInteger(scale) || scale < 1 || scale > 1000) {
		throw new Error(
			`${USAGE}\n  --scale: a whole number from 1 to 1000; --out: a new or empty folder`,
		);
	}
	return { scale, outDir: values.out, seed: values.seed!, sourceDir: values.from! };
}

/** A one-line bar, redrawn in place on a terminal; on a pipe, a line every tenth of the way. */
function progressBar(): (progress: DatasetProgress) => void {
	const tty = process.stderr.isTTY === true;
	let lastTenth = -1;
	let lastDraw = 0;
	return ({ done, total, bytes }) => {
		const share = done / total;
		const tenth = Math.floor(share * 10);
		const now = Date.now();
		if (tty ? now - lastDraw < 100 && done < total : tenth === lastTenth) return;
		lastDraw = now;
		lastTenth = tenth;
		const width = 30;
		const filled = Math.round(share * width);
		const line = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${done}/${total} files ${megabytes(bytes)}`;
		process.stderr.write(tty ? `\r${line}${done === total ? "\n" : ""}` : `${line}\n`);
	};
}

function megabytes(bytes: number): string {
	return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

function main(): void {
	const started = process.hrtime.bigint();
	const { scale, outDir, seed, sourceDir } = options();
	const summary = writeDataset({ sourceDir, outDir, scale, seed }, progressBar());
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	const peakRss = process.resourceUsage().maxRSS * 1024; // reported in kilobytes
	console.log(
		`${outDir}: scale ${scale}, seed ${seed}\n` +
			`  files ${summary.files}, competitions ${summary.competitions}, seasons ${summary.seasons}, teams ${summary.teams}, ` +
			`players ${summary.players}, matches ${summary.matches}\n` +
			`  ${megabytes(summary.bytes)} in ${seconds.toFixed(1)} s, peak RSS ${megabytes(peakRss)}`,
	);
}

try {
	main();
} catch (error) {
	console.error((error as Error).message);
	process.exitCode = 1;
}
