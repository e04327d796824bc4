// What we know about the openfootball files that the files do not say themselves:
// competition codes (football-data.org's), areas and home time zones.
import type { Area, CompetitionType } from "./model";

export interface CompetitionInfo {
	code: string;
	name: string;
	type: CompetitionType;
	area: Area;
	/** Zone of kick-off times written without an offset. */
	timeZone: string;
}

/** Club competitions by openfootball file name (`en.1.json` → `en.1`). */
export const CLUB_COMPETITIONS: Record<string, CompetitionInfo> = {
	"en.1": { code: "PL", name: "Premier League", type: "LEAGUE", area: { name: "England", code: "ENG" }, timeZone: "Europe/London" },
	"de.1": { code: "BL1", name: "Bundesliga", type: "LEAGUE", area: { name: "Germany", code: "GER" }, timeZone: "Europe/Berlin" },
	"es.1": { code: "PD", name: "Primera División", type: "LEAGUE", area: { name: "Spain", code: "ESP" }, timeZone: "Europe/Madrid" },
	"it.1": { code: "SA", name: "Serie A", type: "LEAGUE", area: { name: "Italy", code: "ITA" }, timeZone: "Europe/Rome" },
	"fr.1": { code: "FL1", name: "Ligue 1", type: "LEAGUE", area: { name: "France", code: "FRA" }, timeZone: "Europe/Paris" },
	"uefa.cl": { code: "CL", name: "UEFA Champions League", type: "CUP", area: { name: "Europe", code: "EUR" }, timeZone: "Europe/Berlin" },
};

/** The World Cup; its files give explicit `UTC±H` offsets, or Qatar's local time in 2022. */
export const WORLD_CUP: CompetitionInfo = {
	code: "WC",
	name: "FIFA World Cup",
	type: "CUP",
	area: { name: "World", code: "INT" },
	timeZone: "Asia/Qatar",
};

/** Country names of the codes that club names carry in European cups ("Celtic FC (SCO)"). */
export const COUNTRY_BY_CODE: Record<string, string> = {
	AUT: "Austria", BEL: "Belgium", CRO: "Croatia", CZE: "Czechia", ENG: "England", ESP: "Spain",
	FRA: "France", GER: "Germany", ITA: "Italy", MCO: "Monaco", NED: "Netherlands", POR: "Portugal",
	SCO: "Scotland", SRB: "Serbia", SUI: "Switzerland", SVK: "Slovakia", UKR: "Ukraine",
};

/** FIFA codes of national teams that played in 2022 but have no 2026 team file entry. */
export const FIFA_CODES: Record<string, string> = {
	"Cameroon": "CMR", "Costa Rica": "CRC", "Denmark": "DEN", "Poland": "POL", "Serbia": "SRB", "Wales": "WAL",
};

/** openfootball's squad positions. */
export const POSITIONS = { GK: "Goalkeeper", DF: "Defender", MF: "Midfielder", FW: "Forward" } as const;
