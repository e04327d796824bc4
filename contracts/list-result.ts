// The shape every paged list answers, on every service and version.

/** A page of rows with what a client needs to ask for the next one. */
export interface ListResult<T> {
	rows: T[];
	page: number;
	pageSize: number;
	total: number;
	totalPages: number;
}
