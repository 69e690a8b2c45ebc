/** Collects every failed check of a scenario, so one run reports all that is wrong at once. */
export class Checks {
	readonly failures: string[] = [];

	that(condition: boolean, message: string): boolean {
		if (!condition) this.failures.push(message);
		return condition;
	}

	/** Equal as JSON values: objects by their keys and values in any order, arrays in order. */
	equal(actual: unknown, expected: unknown, what: string): boolean {
		const same = canonical(actual) === canonical(expected);
		return this.that(
			same,
			`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
		);
	}

	/** Runs a block of checks; an exception inside counts as a failure instead of ending the run. */
	async section(name: string, block: () => unknown): Promise<void> {
		try {
			await block();
		} catch (error) {
			this.failures.push(`${name}: ${(error as Error).message}`);
		}
	}
}

/** JSON text with every object's keys sorted (a request body's key order means nothing). */
function canonical(value: unknown): string | undefined {
	return JSON.stringify(value, (_key, inner: unknown) =>
		inner !== null && typeof inner === 'object' && !Array.isArray(inner)
			? Object.fromEntries(
					Object.keys(inner)
						.sort()
						.map((key) => [key, (inner as Record<string, unknown>)[key]]),
				)
			: inner,
	);
}
