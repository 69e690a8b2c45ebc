/** Collects every failed check of a scenario, so one run reports all that is wrong at once. */
export class Checks {
	readonly failures: string[] = [];

	that(condition: boolean, message: string): boolean {
		if (!condition) this.failures.push(message);
		return condition;
	}

	equal(actual: unknown, expected: unknown, what: string): boolean {
		const same = JSON.stringify(actual) === JSON.stringify(expected);
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
