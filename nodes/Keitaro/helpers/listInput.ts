/** Values typed one per line or separated by `separators`, trimmed, without blanks and repeats. */
export function splitList(value: unknown, separators = /[\s,]+/): string[] {
	return [
		...new Set(
			String(value ?? '')
				.split(separators)
				.map((part) => part.trim())
				.filter(Boolean),
		),
	];
}
