/** The arithmetic mean (NaN for no values): shared by the pacing tests and the benchmarks. */
export function mean(values: readonly number[]): number {
	return values.length === 0 ? NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}
