import { campaignFields } from '../../descriptions/campaignFields';
import { CAMPAIGN } from '../../helpers/objects';
import { createObject } from '../objectOperations';

const ALIAS_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Keitaro's API does not make an alias itself (422 "Alias is required", docs/keitaro.md §8.17). */
function randomAlias(): string {
	let alias = '';
	for (let n = 0; n < 8; n++)
		alias += ALIAS_CHARACTERS[Math.floor(Math.random() * ALIAS_CHARACTERS.length)];
	return alias;
}

export const { description, endpoints, execute } = createObject(CAMPAIGN, {
	fields: campaignFields,
	complete: (_i, body) => (body.alias ? body : { ...body, alias: randomAlias() }),
});
