import type { IDataObject } from 'n8n-workflow';

import { InputError } from './errors';
import { isTimeZone } from './range';

/**
 * The body of POST /users or PUT /users/{id} from the user fields (descriptions/userFields.ts):
 * the password goes as `new_password` and its confirmation, the preferences nested.
 */
export function userBody(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.login !== undefined) {
		const login = String(fields.login).trim();
		if (!login) throw new InputError('Login is empty', 'Enter the name the user signs in with.');
		body.login = login;
	}
	if (fields.password !== undefined) {
		const password = String(fields.password);
		if (!password) throw new InputError('Password is empty', 'Enter the user’s new password.');
		body.new_password = password;
		body.new_password_confirmation = password;
	}
	if (fields.type !== undefined) body.type = fields.type;
	const preferences: IDataObject = {};
	if (fields.language !== undefined) preferences.language = fields.language;
	if (fields.timezone !== undefined && fields.timezone !== '') {
		const zone = String(fields.timezone).trim();
		if (!isTimeZone(zone))
			throw new InputError(
				`Time Zone "${zone}" is not a known time zone`,
				'Use an IANA name such as Europe/Berlin.',
			);
		preferences.timezone = zone;
	}
	if (Object.keys(preferences).length) body.preferences = preferences;
	return body;
}
