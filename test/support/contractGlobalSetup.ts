/* eslint-disable */ // jest globalSetup: a fresh record of the requests this run checks against the spec
import { rmSync } from 'node:fs';

import { REQUESTS_DIR } from './contract';

export default function (): void {
	rmSync(REQUESTS_DIR, { recursive: true, force: true });
}
