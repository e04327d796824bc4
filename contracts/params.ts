// The building blocks of every action's params schema, and the TypeScript types derived from a
// schema. A schema is written once: Moleculer's validator enforces it, the gateway documents it
// (it reads it from the registry, so patterns are strings: a RegExp does not survive the wire),
// and `CallParams` / `HandlerParams` give the types, so none of the three can drift.

/** The largest page a client may ask for, and how deep paging may go (page × pageSize). */
export const MAX_PAGE_SIZE = 100;
export const MAX_PAGE = 1000;

/** Query strings carry text: numbers are converted, unknown parameters are refused (one rule everywhere). */
export const paging = {
	page: {
		type: "number",
		integer: true,
		min: 1,
		max: MAX_PAGE,
		convert: true,
		optional: true,
		default: 1,
		description: "Page number, from 1.",
	},
	pageSize: {
		type: "number",
		integer: true,
		min: 1,
		max: MAX_PAGE_SIZE,
		convert: true,
		optional: true,
		default: 20,
		description: "Rows per page.",
	},
} as const;

/** A readable id: `argentina`, `argentina-lionel-messi`. */
export const id = {
	type: "string",
	min: 1,
	max: 120,
	trim: true,
	pattern: "^[a-z0-9-]+$",
	optional: true,
} as const;
/** The params of a lookup by id (`GET /:id`): the id, and nothing else. */
export const byIdParams = {
	$$strict: true,
	id: { ...id, optional: false },
} as const;

/** A code such as football-data.org's competition codes (`PL`); the validator upper-cases it first. */
export const code = {
	type: "string",
	min: 1,
	max: 10,
	trim: true,
	uppercase: true,
	pattern: "^[A-Z0-9]+$",
	optional: true,
} as const;
export const text = { type: "string", min: 1, max: 100, trim: true, optional: true } as const;
export const year = {
	type: "number",
	integer: true,
	min: 1850,
	max: 2100,
	convert: true,
	optional: true,
} as const;
export const isoDate = {
	type: "string",
	pattern: "^\\d{4}-\\d{2}-\\d{2}$",
	optional: true,
} as const;
/** A stage or a group as football-data.org writes them: `FINAL`, `GROUP_A`. */
export const upperSnake = {
	type: "string",
	min: 1,
	max: 40,
	trim: true,
	uppercase: true,
	pattern: "^[A-Z0-9_]+$",
	optional: true,
} as const;

/** The value type a fastest-validator rule accepts (the subset our schemas use). */
type ValueOf<R> = R extends { type: "string" }
	? string
	: R extends { type: "number" }
		? number
		: R extends { type: "boolean" }
			? boolean
			: R extends { type: "enum"; values: readonly (infer V)[] }
				? V
				: R extends { type: "array"; items: infer I }
					? ValueOf<I>[]
					: unknown;

type ParamNames<S> = Exclude<keyof S, `$$${string}`>;
type OptionalIn<S, K extends keyof S> = S[K] extends { optional: true } ? K : never;
type Flatten<T> = { [K in keyof T]: T[K] };

/** What a caller may send: every optional rule (with or without a default) may be left out. */
export type CallParams<S> = Flatten<
	{ [K in ParamNames<S> as OptionalIn<S, K>]?: ValueOf<S[K]> } & {
		[K in ParamNames<S> as K extends OptionalIn<S, K> ? never : K]: ValueOf<S[K]>;
	}
>;

type DefaultedIn<S, K extends keyof S> = S[K] extends { default: unknown } ? K : never;

/** What a handler receives once the validator has run: rules with a default are always there. */
export type HandlerParams<S> = Flatten<
	CallParams<S> & { [K in ParamNames<S> as DefaultedIn<S, K>]-?: ValueOf<S[K]> }
>;
